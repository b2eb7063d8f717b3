package org.onestop.core.internal.access;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.Principal;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Window;
import org.onestop.api.id.CreditCode;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Stores;

/**
 * A real Derby database with two centers, 马鞍山 (city) and 含山 (county, its child), each with a market
 * department, and the access service over it with cheap Argon2 so that tests stay fast.
 */
final class AccessFixture implements AutoCloseable {

    static final String MAANSHAN = "maanshan";
    static final String HANSHAN = "hanshan";
    static final String PASSWORD = "Kaishi2026pass";
    static final AccessSettings.Argon2 CHEAP = new AccessSettings.Argon2(64, 1, 1);

    final Path database;
    final TestClock clock = new TestClock(Instant.parse("2026-09-30T01:30:00Z"));
    final EmbeddedStore store;
    final CatalogServiceImpl catalog;
    final AccessServiceImpl access;

    AccessFixture(Path dir) {
        this(dir, AccessSettings.defaults().withArgon2(CHEAP));
    }

    AccessFixture(Path dir, AccessSettings settings) {
        database = dir.resolve("derby");
        store = Stores.embeddedDerby(database);
        catalog = new CatalogServiceImpl(store, clock, c -> { });
        catalog.saveCenter(new Center(MAANSHAN, "马鞍山市政务服务中心", CenterLevel.CITY, "340500", null, null, null));
        catalog.saveCenter(new Center(HANSHAN, "含山县政务服务中心", CenterLevel.COUNTY, "340522", MAANSHAN, null, null));
        catalog.saveDepartment(MAANSHAN, department("market", "11340500MB0000001"));
        catalog.saveDepartment(HANSHAN, department("market", "11340522MB0000001"));
        catalog.saveDepartment(HANSHAN, department("tax", "11340522MB0000002"));
        access = service(settings);
    }

    AccessServiceImpl service(AccessSettings settings) {
        return AccessServiceImpl.create(store, clock, settings);
    }

    private static Department department(String id, String first17) {
        return new Department(id, "部门" + id, first17 + CreditCode.checkCharacter(first17), List.of(new Window("A01", "综合")),
                null);
    }

    /** Creates the center's first administrator and signs them in. */
    Principal admin(String centerId, String account) {
        access.createFirstAdministrator(centerId, new NewPerson(account, "管理员" + account, PASSWORD, List.of()));
        return access.signIn(account, PASSWORD, "127.0.0.1").principal();
    }

    Principal person(Principal admin, String centerId, String account, RoleGrant... grants) {
        access.createPerson(admin, centerId, new NewPerson(account, "人员" + account, PASSWORD, List.of(grants)));
        return access.signIn(account, PASSWORD, "127.0.0.1").principal();
    }

    /** Every value of every row of the table, as text, read with plain JDBC beside the store. */
    List<String> dump(String table) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        return values;
    }

    int count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
