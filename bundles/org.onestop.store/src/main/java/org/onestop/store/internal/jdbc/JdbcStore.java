package org.onestop.store.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.onestop.api.OneStopException;
import org.onestop.store.SqlDialect;
import org.onestop.store.Store;
import org.onestop.store.StoreException;

/** {@link Store} over any JDBC data source; the dialect supplies the few database-specific parts. */
public class JdbcStore implements Store {

    private final DataSource dataSource;
    private final SqlDialect dialect;

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
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(new JdbcSession(connection, dialect));
                if (readOnly) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(connection, e);
                throw translate(e);
            } catch (Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(new StoreException("数据库操作失败", e));
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

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
