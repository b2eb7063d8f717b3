package org.onestop.store.internal.derby;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.StoreException;
import org.onestop.store.internal.jdbc.JdbcStore;

/**
 * The default store: an embedded Derby database in one folder, made on first use (unpacked from the empty
 * database the build ships, see {@link EmptyDatabase}) and brought up to the current schema. Closing it
 * shuts the database down cleanly, so that the next start needs no recovery.
 */
public final class DerbyStore extends JdbcStore implements EmbeddedStore {

    private final String databaseName;

    private DerbyStore(String databaseName, EmbeddedDataSource dataSource) {
        super(dataSource, new DerbyDialect());
        this.databaseName = databaseName;
    }

    /** Opens the database in {@code directory}, made from the shipped empty database if missing, migrated. */
    public static DerbyStore open(Path directory) {
        return open(directory, true);
    }

    /**
     * Opens the database in {@code directory}, migrated. A missing one is unpacked from the empty database
     * this bundle ships when {@code fromEmptyDatabase} is set and the bundle has one; Derby creates it otherwise.
     */
    static DerbyStore open(Path directory, boolean fromEmptyDatabase) {
        Path absolute = directory.toAbsolutePath().normalize();
        // Derby writes derby.log into the working folder unless told otherwise; keep it beside the data.
        try {
            // Derby opens its log before it creates the database folder: the folder above must exist.
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException("无法创建数据目录 " + absolute.getParent() + "（" + e.getMessage() + "）", e);
        }
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", absolute.resolveSibling("derby.log").toString());
        }
        if (fromEmptyDatabase && !Files.exists(absolute)) {
            EmptyDatabase.unpackInto(absolute);
        }
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(absolute.toString());
        dataSource.setCreateDatabase("create");
        try (Connection first = dataSource.getConnection()) {
            // Creates the database on first use; later connections need not ask again.
        } catch (SQLException e) {
            throw new StoreException("无法打开数据库 " + absolute + "（" + e.getMessage() + "）", e);
        }
        EmbeddedDataSource running = new EmbeddedDataSource();
        running.setDatabaseName(absolute.toString());
        DerbyStore store = new DerbyStore(absolute.toString(), running);
        store.migrate();
        return store;
    }

    @Override
    public void close() {
        closeIdleConnections();
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(databaseName);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection c = shutdown.getConnection()) {
            // Unreachable: a successful shutdown is reported as SQLState 08006.
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new StoreException("数据库关闭失败", e);
            }
        }
    }
}
