package org.onestop.store.internal.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new center's database comes from the empty one the build ships; it must be what Derby would have made. */
class EmptyDatabaseTest {

    @TempDir
    Path data;

    @Test
    void theBundleShipsAnEmptyDatabase() {
        assertNotNull(EmptyDatabase.class.getResource(EmptyDatabase.RESOURCE),
                "the build must pack " + EmptyDatabase.RESOURCE + " beside EmptyDatabase");
    }

    @Test
    void anUnpackedDatabaseHasTheSchemaThatCreatingAndMigratingGives() throws SQLException, IOException {
        Instant testStarted = Instant.now();
        Path unpacked = data.resolve("unpacked");
        Path created = data.resolve("created");
        try (DerbyStore a = DerbyStore.open(unpacked, true); DerbyStore b = DerbyStore.open(created, false)) {
            try (Connection fromSeed = connect(unpacked); Connection fromScratch = connect(created)) {
                assertEquals(schema(fromScratch), schema(fromSeed));
                assertEquals(versions(fromScratch), versions(fromSeed));
                // The migrations of the unpacked one ran at build time, not here: it was not made by Derby now.
                assertTrue(firstMigration(fromSeed).isBefore(testStarted), "the database was created, not unpacked");
                assertFalse(firstMigration(fromScratch).isBefore(testStarted));
            }
        }
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("unpacking")).toList(),
                    "no half-unpacked folder is left beside the database");
        }
    }

    @Test
    void anExistingDatabaseIsOpenedNeverReplaced() throws SQLException {
        Path folder = data.resolve("derby");
        try (DerbyStore store = DerbyStore.open(folder, true); Connection c = connect(folder);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (n INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        try (DerbyStore again = DerbyStore.open(folder, true); Connection c = connect(folder);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    private static Connection connect(Path folder) throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + folder.toAbsolutePath());
    }

    /** Every table of the application's schema with its columns, types and nullability, and every index. */
    private static TreeSet<String> schema(Connection c) throws SQLException {
        TreeSet<String> schema = new TreeSet<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.size() > 10, "the migrated schema has its tables: " + tables);
        for (String table : tables) {
            try (ResultSet rs = meta.getColumns(null, "APP", table, "%")) {
                while (rs.next()) {
                    schema.add(table + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "("
                            + rs.getInt("COLUMN_SIZE") + ") " + rs.getString("IS_NULLABLE"));
                }
            }
            try (ResultSet rs = meta.getIndexInfo(null, "APP", table, false, false)) {
                while (rs.next()) {
                    // Derby names the indexes behind constraints itself: the columns and uniqueness say what they are.
                    schema.add(table + " index " + rs.getString("COLUMN_NAME") + "#" + rs.getShort("ORDINAL_POSITION")
                            + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"));
                }
            }
        }
        return schema;
    }

    private static List<String> versions(Connection c) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, script FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return versions;
    }

    private static Instant firstMigration(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(applied_at) FROM schema_version")) {
            rs.next();
            Timestamp at = rs.getTimestamp(1);
            return at.toInstant();
        }
    }
}
