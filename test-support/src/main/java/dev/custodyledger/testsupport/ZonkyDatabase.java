package dev.custodyledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;

/** What every zonky-run PostgreSQL of the tests answers alike: on 127.0.0.1, as the {@code postgres} superuser. */
abstract class ZonkyDatabase implements Database {
    /** The running server. */
    abstract EmbeddedPostgres server();

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return server().getPostgresDatabase().getConnection();
    }
}
