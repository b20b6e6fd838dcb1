package dev.custodyledger.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL server for tests, with one database per service under test. */
public interface Database extends AutoCloseable {
    String host();

    int port();

    String username();

    String password();

    /** A connection to the server's maintenance database, for creating others. */
    Connection adminConnection() throws SQLException;

    /** Creates {@code name} unless it exists. */
    default void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lowercase identifiers");
        }
        try (Connection c = adminConnection();
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** The form Quarkus' reactive client takes. */
    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** The first column of the first row of {@code sql} in {@code database}: a count, a max. */
    default long queryLong(String database, String sql) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl(database), username(), password());
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    default void execute(String database, String sql) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl(database), username(), password())) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    void close();
}
