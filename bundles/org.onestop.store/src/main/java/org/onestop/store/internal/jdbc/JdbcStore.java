package org.onestop.store.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.onestop.api.OneStopException;
import org.onestop.store.SqlDialect;
import org.onestop.store.Store;
import org.onestop.store.StoreException;

/** {@link Store} over any JDBC data source; the dialect supplies the few database-specific parts. */
public class JdbcStore implements Store {

    /** Connections kept open between transactions: opening one per act cost a tenth of the act. */
    private static final int IDLE_CONNECTIONS = 8;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(IDLE_CONNECTIONS);

    public JdbcStore(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Brings the schema up to date; called once before the store is used. */
    public void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            new Migrations(dialect).apply(connection);
        } catch (SQLException e) {
            throw new StoreException("数据库结构升级失败", e);
        }
    }

    @Override
    public final <T> T inTransaction(Work<T> work) {
        return run(work, false);
    }

    @Override
    public final <T> T read(Work<T> work) {
        return run(work, true);
    }

    @Override
    public String dialectName() {
        return dialect.name();
    }

    private <T> T run(Work<T> work, boolean readOnly) {
        Connection connection;
        try {
            connection = borrow();
        } catch (SQLException e) {
            throw translate(new StoreException("数据库连接失败", e));
        }
        boolean reusable = false;
        try {
            T result = work.run(new JdbcSession(connection, dialect));
            if (readOnly) {
                connection.rollback();
            } else {
                connection.commit();
            }
            reusable = true;
            return result;
        } catch (RuntimeException e) {
            reusable = rollbackQuietly(connection, e);
            throw translate(e);
        } catch (Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } catch (SQLException e) {
            reusable = rollbackQuietly(connection, e);
            throw translate(new StoreException("数据库操作失败", e));
        } finally {
            giveBack(connection, reusable);
        }
    }

    private Connection borrow() throws SQLException {
        Connection kept = idle.poll();
        if (kept != null) {
            return kept;
        }
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    /** Keeps a connection whose transaction ended cleanly; closes any other, and any beyond the few kept. */
    private void giveBack(Connection connection, boolean reusable) {
        if (reusable && idle.offer(connection)) {
            return;
        }
        closeQuietly(connection);
    }

    /** Closes the connections kept between transactions; called before the database shuts down. */
    protected void closeIdleConnections() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Already broken or closed: nothing is kept that needs it.
        }
    }

    private RuntimeException translate(RuntimeException e) {
        if (e.getCause() instanceof SQLException sql && !(e instanceof OneStopException)) {
            if (dialect.isLockConflict(sql)) {
                return OneStopException.conflict(null, "该记录正被他人同时修改，请刷新后重试");
            }
            if (dialect.isDuplicateKey(sql)) {
                return OneStopException.conflict(null, "记录已存在，请勿重复提交");
            }
        }
        return e;
    }

    /** Rolls back; false when even that failed, and the connection must not be used again. */
    private static boolean rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }
}
