package org.onestop.store.internal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onestop.store.SqlDialect;
import org.onestop.store.StoreException;

/**
 * Applies the dialect's versioned schema scripts that the database has not seen yet, each in its own
 * transaction together with its row in {@code schema_version}, so that a crash mid-way leaves the
 * database at the previous version.
 */
final class Migrations {

    /** The scripts, in order. A new schema change is a new script here, never an edit of an old one. */
    static final List<String> SCRIPTS = List.of("V1__catalog_and_cases.sql", "V2__people_and_access.sql",
            "V3__case_handling.sql", "V4__joint_parts.sql");

    private final SqlDialect dialect;

    Migrations(SqlDialect dialect) {
        this.dialect = dialect;
    }

    void apply(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        ensureVersionTable(connection);
        int current = currentVersion(connection);
        for (int i = current; i < SCRIPTS.size(); i++) {
            String script = SCRIPTS.get(i);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(load(script))) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, script);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        // The version queries opened a transaction; end it so that the connection can close.
        connection.commit();
    }

    private void ensureVersionTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if ("schema_version".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        connection.commit();
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String load(String script) {
        String path = dialect.migrationsFolder() + "/" + script;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("缺少数据库升级脚本 " + path, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("无法读取数据库升级脚本 " + path, e);
        }
    }

    /** Splits a script on lines holding only ';' and drops comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.equals(";")) {
                if (!current.toString().isBlank()) {
                    result.add(current.toString().strip());
                }
                current.setLength(0);
            } else if (!trimmed.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
