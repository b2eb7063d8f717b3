package org.onestop.store.internal.derby;

import java.sql.SQLException;
import org.onestop.store.SqlDialect;

/** Apache Derby's side of the SQL seam. */
public final class DerbyDialect implements SqlDialect {

    @Override
    public String name() {
        return "derby";
    }

    @Override
    public String migrationsFolder() {
        return "org/onestop/store/migrations/derby";
    }

    @Override
    public String limit(String sql, int rows) {
        return sql + " FETCH FIRST " + rows + " ROWS ONLY";
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public boolean isLockConflict(SQLException e) {
        // 40001: deadlock chosen as victim; 40XL1/40XL2: lock wait timed out.
        String state = e.getSQLState();
        return "40001".equals(state) || "40XL1".equals(state) || "40XL2".equals(state);
    }
}
