package dev.custodyledger.testsupport;

/** A PostgreSQL server for tests, with one database per service under test. */
public interface Database extends AutoCloseable {
    String host();

    int port();

    String username();

    String password();

    /** Creates {@code name} unless it exists. */
    void createDatabase(String name);

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** The form Quarkus' reactive client takes. */
    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    @Override
    void close();
}
