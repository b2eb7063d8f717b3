package org.onestop.store;

import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What differs between SQL databases, and nothing more: the schema scripts, how a row limit is
 * written, and how errors are recognized. Every statement outside the scripts is plain SQL that
 * Derby and PostgreSQL both run.
 */
@ConsumerType
public interface SqlDialect {

    /** A short name, for example {@code derby}. */
    String name();

    /**
     * The resource folder of this dialect's migration scripts, {@code V<n>__<description>.sql}, applied
     * in order of n; statements are separated by lines holding only {@code ;}.
     */
    String migrationsFolder();

    /** {@code sql} limited to its first {@code rows} rows. */
    String limit(String sql, int rows);

    /** The error means a primary key or unique constraint was violated. */
    boolean isDuplicateKey(SQLException e);

    /** The error means the transaction lost a lock conflict or deadlock and may be retried. */
    boolean isLockConflict(SQLException e);
}
