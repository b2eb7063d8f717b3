package org.onestop.store.internal.jdbc;

import com.google.gson.reflect.TypeToken;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.Window;
import org.onestop.json.OneStopJson;
import org.onestop.store.SqlDialect;
import org.onestop.store.StoreException;
import org.onestop.store.StoreSession;

/** The statements of one transaction. Plain SQL only; what differs per database asks the dialect. */
final class JdbcSession implements StoreSession {

    private static final TypeToken<List<Window>> WINDOWS = new TypeToken<>() { };
    private static final TypeToken<List<SubmittedMaterial>> MATERIALS = new TypeToken<>() { };

    private static final String CASE_COLUMNS = "center_id, number, query_code, item_code, item_version, item_name, "
            + "department_id, applicant_type, applicant_name, applicant_id, applicant_phone, channel, materials_json, "
            + "state, received_on, accepted_on, deadline, concluded_on, revision";

    private final Connection connection;
    private final SqlDialect dialect;

    JdbcSession(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    // --- centers -------------------------------------------------------------------------------

    @Override
    public List<Center> centers() {
        return query("SELECT * FROM center ORDER BY id", ps -> { }, JdbcSession::center);
    }

    @Override
    public Optional<Center> center(String centerId) {
        return first(query("SELECT * FROM center WHERE id = ?", ps -> ps.setString(1, centerId), JdbcSession::center));
    }

    @Override
    public Optional<Center> centerByRegionCode(String regionCode) {
        return first(query("SELECT * FROM center WHERE region_code = ?", ps -> ps.setString(1, regionCode),
                JdbcSession::center));
    }

    @Override
    public void saveCenter(Center c) {
        int updated = update("UPDATE center SET region_code = ?, name = ?, center_level = ?, parent_id = ?, address = ?, "
                + "office_hours = ? WHERE id = ?", ps -> {
                    ps.setString(1, c.regionCode());
                    ps.setString(2, c.name());
                    ps.setString(3, c.level().name());
                    ps.setString(4, c.parentId());
                    ps.setString(5, c.address());
                    ps.setString(6, c.officeHours());
                    ps.setString(7, c.id());
                });
        if (updated == 0) {
            update("INSERT INTO center (id, region_code, name, center_level, parent_id, address, office_hours) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, c.id());
                        ps.setString(2, c.regionCode());
                        ps.setString(3, c.name());
                        ps.setString(4, c.level().name());
                        ps.setString(5, c.parentId());
                        ps.setString(6, c.address());
                        ps.setString(7, c.officeHours());
                    });
        }
    }

    private static Center center(ResultSet rs) throws SQLException {
        return new Center(rs.getString("id"), rs.getString("name"), CenterLevel.valueOf(rs.getString("center_level")),
                rs.getString("region_code"), rs.getString("parent_id"), rs.getString("address"),
                rs.getString("office_hours"));
    }

    // --- departments ---------------------------------------------------------------------------

    @Override
    public List<Department> departments(String centerId) {
        return query("SELECT * FROM department WHERE center_id = ? ORDER BY id", ps -> ps.setString(1, centerId),
                JdbcSession::department);
    }

    @Override
    public Optional<Department> department(String centerId, String departmentId) {
        return first(query("SELECT * FROM department WHERE center_id = ? AND id = ?", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, departmentId);
        }, JdbcSession::department));
    }

    @Override
    public void saveDepartment(String centerId, Department d) {
        String windows = OneStopJson.gson().toJson(d.windows());
        int updated = update("UPDATE department SET name = ?, credit_code = ?, chief_representative = ?, windows_json = ? "
                + "WHERE center_id = ? AND id = ?", ps -> {
                    ps.setString(1, d.name());
                    ps.setString(2, d.creditCode());
                    ps.setString(3, d.chiefRepresentative());
                    ps.setString(4, windows);
                    ps.setString(5, centerId);
                    ps.setString(6, d.id());
                });
        if (updated == 0) {
            update("INSERT INTO department (center_id, id, name, credit_code, chief_representative, windows_json) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, centerId);
                        ps.setString(2, d.id());
                        ps.setString(3, d.name());
                        ps.setString(4, d.creditCode());
                        ps.setString(5, d.chiefRepresentative());
                        ps.setString(6, windows);
                    });
        }
    }

    private static Department department(ResultSet rs) throws SQLException {
        return new Department(rs.getString("id"), rs.getString("name"), rs.getString("credit_code"),
                OneStopJson.gson().fromJson(rs.getString("windows_json"), WINDOWS), rs.getString("chief_representative"));
    }

    // --- items ---------------------------------------------------------------------------------

    @Override
    public List<Item> latestItems(String centerId) {
        return query("SELECT v.item_json FROM item_version v WHERE v.center_id = ? AND v.version = "
                + "(SELECT MAX(w.version) FROM item_version w WHERE w.center_id = v.center_id AND w.code = v.code) "
                + "ORDER BY v.code", ps -> ps.setString(1, centerId), JdbcSession::item);
    }

    @Override
    public Optional<Item> latestItem(String centerId, String code) {
        return first(query(dialect.limit("SELECT item_json FROM item_version WHERE center_id = ? AND code = ? "
                + "ORDER BY version DESC", 1), ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, code);
                }, JdbcSession::item));
    }

    @Override
    public Optional<Item> itemVersion(String centerId, String code, int version) {
        return first(query("SELECT item_json FROM item_version WHERE center_id = ? AND code = ? AND version = ?", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, code);
            ps.setInt(3, version);
        }, JdbcSession::item));
    }

    @Override
    public Optional<Item> itemInForce(String centerId, String code, LocalDate day) {
        return first(query(dialect.limit("SELECT item_json FROM item_version WHERE center_id = ? AND code = ? "
                + "AND effective_from <= ? ORDER BY effective_from DESC, version DESC", 1), ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, code);
                    ps.setDate(3, Date.valueOf(day));
                }, JdbcSession::item));
    }

    @Override
    public List<Item> itemHistory(String centerId, String code) {
        return query("SELECT item_json FROM item_version WHERE center_id = ? AND code = ? ORDER BY version", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, code);
        }, JdbcSession::item);
    }

    @Override
    public void insertItemVersion(String centerId, Item item) {
        update("INSERT INTO item_version (center_id, code, version, effective_from, name, kind, department_id, "
                + "handling_type, item_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, item.code());
                    ps.setInt(3, item.version());
                    ps.setDate(4, Date.valueOf(item.effectiveFrom()));
                    ps.setString(5, item.name());
                    ps.setString(6, item.kind().name());
                    ps.setString(7, item.departmentId());
                    ps.setString(8, item.handlingType().name());
                    ps.setString(9, OneStopJson.gson().toJson(item));
                });
    }

    private static Item item(ResultSet rs) throws SQLException {
        return OneStopJson.gson().fromJson(rs.getString("item_json"), Item.class);
    }

    // --- center days ---------------------------------------------------------------------------

    @Override
    public List<CenterDay> centerDays(String centerId) {
        return query("SELECT * FROM center_day WHERE center_id = ? ORDER BY day", ps -> ps.setString(1, centerId),
                rs -> new CenterDay(rs.getDate("day").toLocalDate(), rs.getInt("working") == 1, rs.getString("reason")));
    }

    @Override
    public void saveCenterDay(String centerId, CenterDay day) {
        int updated = update("UPDATE center_day SET working = ?, reason = ? WHERE center_id = ? AND day = ?", ps -> {
            ps.setInt(1, day.working() ? 1 : 0);
            ps.setString(2, day.reason());
            ps.setString(3, centerId);
            ps.setDate(4, Date.valueOf(day.date()));
        });
        if (updated == 0) {
            update("INSERT INTO center_day (center_id, day, working, reason) VALUES (?, ?, ?, ?)", ps -> {
                ps.setString(1, centerId);
                ps.setDate(2, Date.valueOf(day.date()));
                ps.setInt(3, day.working() ? 1 : 0);
                ps.setString(4, day.reason());
            });
        }
    }

    // --- cases ---------------------------------------------------------------------------------

    @Override
    public int nextCaseSequence(String centerId, LocalDate day) {
        // The UPDATE locks the day's row, so concurrent receipts at one center take numbers one by one.
        int updated = update("UPDATE case_sequence SET last_value = last_value + 1 WHERE center_id = ? AND day = ?",
                ps -> {
                    ps.setString(1, centerId);
                    ps.setDate(2, Date.valueOf(day));
                });
        if (updated == 0) {
            update("INSERT INTO case_sequence (center_id, day, last_value) VALUES (?, ?, 1)", ps -> {
                ps.setString(1, centerId);
                ps.setDate(2, Date.valueOf(day));
            });
            return 1;
        }
        return first(query("SELECT last_value FROM case_sequence WHERE center_id = ? AND day = ?", ps -> {
            ps.setString(1, centerId);
            ps.setDate(2, Date.valueOf(day));
        }, rs -> rs.getInt(1))).orElseThrow();
    }

    @Override
    public void insertCase(String centerId, Case c) {
        update("INSERT INTO service_case (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, c.number());
                    ps.setString(3, c.queryCode());
                    ps.setString(4, c.itemCode());
                    ps.setInt(5, c.itemVersion());
                    ps.setString(6, c.itemName());
                    ps.setString(7, c.departmentId());
                    ps.setString(8, c.applicant().type().name());
                    ps.setString(9, c.applicant().name());
                    ps.setString(10, c.applicant().idNumber());
                    ps.setString(11, c.applicant().phone());
                    ps.setString(12, c.channel().name());
                    ps.setString(13, OneStopJson.gson().toJson(c.materials()));
                    bindCaseProgress(ps, 14, c);
                });
        for (CaseEvent event : c.timeline()) {
            appendEvent(centerId, c.number(), event);
        }
    }

    @Override
    public boolean updateCase(String centerId, Case c, int expectedRevision, CaseEvent event) {
        int updated = update("UPDATE service_case SET state = ?, received_on = ?, accepted_on = ?, deadline = ?, "
                + "concluded_on = ?, revision = ? WHERE center_id = ? AND number = ? AND revision = ?", ps -> {
                    bindCaseProgress(ps, 1, c);
                    ps.setString(7, centerId);
                    ps.setString(8, c.number());
                    ps.setInt(9, expectedRevision);
                });
        if (updated == 0) {
            return false;
        }
        appendEvent(centerId, c.number(), event);
        return true;
    }

    private static void bindCaseProgress(PreparedStatement ps, int from, Case c) throws SQLException {
        ps.setString(from, c.state().name());
        ps.setDate(from + 1, Date.valueOf(c.receivedOn()));
        setDate(ps, from + 2, c.acceptedOn());
        setDate(ps, from + 3, c.deadline());
        setDate(ps, from + 4, c.concludedOn());
        ps.setInt(from + 5, c.revision());
    }

    private void appendEvent(String centerId, String number, CaseEvent e) {
        update("INSERT INTO case_event (center_id, number, sequence, act, on_day, recorded_at, actor, window_code, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, number);
                    ps.setInt(3, e.sequence());
                    ps.setString(4, e.act().name());
                    ps.setDate(5, Date.valueOf(e.on()));
                    ps.setTimestamp(6, Timestamp.from(e.at()));
                    ps.setString(7, e.actor());
                    ps.setString(8, e.window());
                    ps.setString(9, e.note());
                });
    }

    @Override
    public Optional<Case> findCase(String centerId, String number) {
        Optional<Case> found = first(query("SELECT " + CASE_COLUMNS + " FROM service_case WHERE center_id = ? AND number = ?",
                ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, number);
                }, rs -> caseRow(rs, List.of())));
        return found.map(c -> withTimeline(c, events(centerId, number)));
    }

    @Override
    public List<Case> cases(String centerId, CaseQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM service_case WHERE center_id = ?");
        if (q.state() != null) {
            sql.append(" AND state = ?");
        }
        if (q.itemCode() != null) {
            sql.append(" AND item_code = ?");
        }
        sql.append(" ORDER BY received_on DESC, number DESC");
        return query(dialect.limit(sql.toString(), q.limit()), ps -> {
            int i = 1;
            ps.setString(i++, centerId);
            if (q.state() != null) {
                ps.setString(i++, q.state().name());
            }
            if (q.itemCode() != null) {
                ps.setString(i, q.itemCode());
            }
        }, rs -> caseRow(rs, List.of()));
    }

    private List<CaseEvent> events(String centerId, String number) {
        return query("SELECT * FROM case_event WHERE center_id = ? AND number = ? ORDER BY sequence", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, number);
        }, rs -> new CaseEvent(rs.getInt("sequence"), CaseAct.valueOf(rs.getString("act")),
                rs.getDate("on_day").toLocalDate(), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("window_code"), rs.getString("note")));
    }

    private static Case caseRow(ResultSet rs, List<CaseEvent> timeline) throws SQLException {
        Applicant applicant = new Applicant(ApplicantType.valueOf(rs.getString("applicant_type")),
                rs.getString("applicant_name"), rs.getString("applicant_id"), rs.getString("applicant_phone"));
        return new Case(rs.getString("center_id"), rs.getString("number"), rs.getString("query_code"),
                rs.getString("item_code"), rs.getInt("item_version"), rs.getString("item_name"),
                rs.getString("department_id"), applicant, Channel.valueOf(rs.getString("channel")),
                OneStopJson.gson().fromJson(rs.getString("materials_json"), MATERIALS),
                CaseState.valueOf(rs.getString("state")), localDate(rs, "received_on"), localDate(rs, "accepted_on"),
                localDate(rs, "deadline"), localDate(rs, "concluded_on"), rs.getInt("revision"), timeline);
    }

    private static Case withTimeline(Case c, List<CaseEvent> timeline) {
        return new Case(c.centerId(), c.number(), c.queryCode(), c.itemCode(), c.itemVersion(), c.itemName(),
                c.departmentId(), c.applicant(), c.channel(), c.materials(), c.state(), c.receivedOn(), c.acceptedOn(),
                c.deadline(), c.concludedOn(), c.revision(), timeline);
    }

    // --- plumbing ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("数据库查询失败", e);
        }
    }

    private int update(String sql, Binder binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("数据库写入失败", e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate day) throws SQLException {
        if (day == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(day));
        }
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
