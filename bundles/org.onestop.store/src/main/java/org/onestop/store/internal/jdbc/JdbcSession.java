package org.onestop.store.internal.jdbc;

import com.google.gson.reflect.TypeToken;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onestop.api.access.ApiToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SecurityEvent;
import org.onestop.api.access.SecurityEventKind;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.SubCase;
import org.onestop.api.cases.SubCaseState;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.Window;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.inquiry.Inquiry;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.inquiry.InquiryStep;
import org.onestop.api.inquiry.InquiryStepKind;
import org.onestop.json.OneStopJson;
import org.onestop.store.PersonRecord;
import org.onestop.store.SessionRecord;
import org.onestop.store.SqlDialect;
import org.onestop.store.StoreException;
import org.onestop.store.StoreSession;
import org.onestop.store.TokenRecord;

/** The statements of one transaction. Plain SQL only; what differs per database asks the dialect. */
final class JdbcSession implements StoreSession {

    private static final TypeToken<List<Window>> WINDOWS = new TypeToken<>() { };
    private static final TypeToken<List<SubmittedMaterial>> MATERIALS = new TypeToken<>() { };
    private static final TypeToken<Map<String, String>> EVENT_DATA = new TypeToken<>() { };

    private static final String CASE_COLUMNS = "center_id, number, query_code, item_code, item_version, item_name, "
            + "department_id, applicant_type, applicant_name, applicant_id, applicant_phone, channel, materials_json, "
            + "state, received_on, accepted_on, deadline, concluded_on, revision, progress_json, joint_due";

    private static final String INQUIRY_COLUMNS = "center_id, id, subject, inquirer, phone, item_code, first_clerk, "
            + "owner, window_code, state, case_number, opened_at, steps";

    private static final String PERSON_COLUMNS = "account, name, password_hash, enabled, failed_attempts, locked_until, "
            + "created_at";

    private static final String TOKEN_COLUMNS = "id, center_id, department_id, name, secret_hash, scope, created_by, "
            + "created_at, expires_at, revoked_at";

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
        return nextSequence("case_sequence", centerId, day);
    }

    /**
     * The next value of a daily sequence table (one of ours, never a caller's text). The UPDATE locks the
     * day's row, so concurrent writers at one center take numbers one by one.
     */
    private int nextSequence(String table, String centerId, LocalDate day) {
        String increment = "UPDATE " + table + " SET last_value = last_value + 1 WHERE center_id = ? AND day = ?";
        Binder centerAndDay = ps -> {
            ps.setString(1, centerId);
            ps.setDate(2, Date.valueOf(day));
        };
        if (update(increment, centerAndDay) == 0) {
            if (insertFirstOfDay(table, centerId, day)) {
                return 1;
            }
            // Another writer made the day's row first: take the next number from it.
            update(increment, centerAndDay);
        }
        return first(query("SELECT last_value FROM " + table + " WHERE center_id = ? AND day = ?", centerAndDay,
                rs -> rs.getInt(1))).orElseThrow();
    }

    /**
     * Inserts the day's sequence row at 1; false when a concurrent transaction inserted it first. A savepoint
     * keeps this transaction usable after the duplicate key (PostgreSQL would otherwise abort it whole).
     */
    private boolean insertFirstOfDay(String table, String centerId, LocalDate day) {
        try {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO " + table + " (center_id, day, last_value) VALUES (?, ?, 1)")) {
                ps.setString(1, centerId);
                ps.setDate(2, Date.valueOf(day));
                ps.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException e) {
                if (!dialect.isDuplicateKey(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        } catch (SQLException e) {
            throw new StoreException("数据库写入失败", e);
        }
    }

    @Override
    public void insertCase(String centerId, Case c) {
        update("INSERT INTO service_case (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
    public boolean updateCase(String centerId, Case c, int expectedRevision, List<CaseEvent> events) {
        // Only what an act can change: every column written is logged twice by the database.
        int updated = update("UPDATE service_case SET state = ?, accepted_on = ?, deadline = ?, concluded_on = ?, "
                + "revision = ?, progress_json = ?, joint_due = ? WHERE center_id = ? AND number = ? AND revision = ?",
                ps -> {
                    ps.setString(1, c.state().name());
                    setDate(ps, 2, c.acceptedOn());
                    setDate(ps, 3, c.deadline());
                    setDate(ps, 4, c.concludedOn());
                    ps.setInt(5, c.revision());
                    ps.setString(6, OneStopJson.gson().toJson(c.progress()));
                    setDate(ps, 7, jointDue(c));
                    ps.setString(8, centerId);
                    ps.setString(9, c.number());
                    ps.setInt(10, expectedRevision);
                });
        if (updated == 0) {
            return false;
        }
        for (CaseEvent event : events) {
            appendEvent(centerId, c.number(), event);
        }
        return true;
    }

    @Override
    public void insertCaseParts(String centerId, String number, List<String> departmentIds) {
        for (String department : departmentIds) {
            update("INSERT INTO case_part (center_id, number, department_id) VALUES (?, ?, ?)", ps -> {
                ps.setString(1, centerId);
                ps.setString(2, number);
                ps.setString(3, department);
            });
        }
    }

    @Override
    public void updateCaseMaterials(String centerId, String number, List<SubmittedMaterial> materials) {
        update("UPDATE service_case SET materials_json = ? WHERE center_id = ? AND number = ?", ps -> {
            ps.setString(1, OneStopJson.gson().toJson(materials));
            ps.setString(2, centerId);
            ps.setString(3, number);
        });
    }

    private static void bindCaseProgress(PreparedStatement ps, int from, Case c) throws SQLException {
        ps.setString(from, c.state().name());
        ps.setDate(from + 1, Date.valueOf(c.receivedOn()));
        setDate(ps, from + 2, c.acceptedOn());
        setDate(ps, from + 3, c.deadline());
        setDate(ps, from + 4, c.concludedOn());
        ps.setInt(from + 5, c.revision());
        ps.setString(from + 6, OneStopJson.gson().toJson(c.progress()));
        setDate(ps, from + 7, jointDue(c));
    }

    /**
     * The earliest deadline of the case's pending joint parts while its clock runs: what the timeout timer
     * looks for. A case decided, reported or ended has nothing left for the timer.
     */
    private static LocalDate jointDue(Case c) {
        if (c.state() != CaseState.ACCEPTED && c.state() != CaseState.PAUSED) {
            return null;
        }
        return c.progress().subCases().stream().filter(p -> p.state() == SubCaseState.PENDING).map(SubCase::deadline)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private void appendEvent(String centerId, String number, CaseEvent e) {
        update("INSERT INTO case_event (center_id, number, sequence, act, on_day, recorded_at, actor, window_code, note, "
                + "data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, number);
                    ps.setInt(3, e.sequence());
                    ps.setString(4, e.act().name());
                    ps.setDate(5, Date.valueOf(e.on()));
                    ps.setTimestamp(6, Timestamp.from(e.at()));
                    ps.setString(7, e.actor());
                    ps.setString(8, e.window());
                    ps.setString(9, e.note());
                    ps.setString(10, e.data().isEmpty() ? null : OneStopJson.gson().toJson(e.data()));
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
        if (q.departmentIds() != null && q.departmentIds().isEmpty()) {
            return List.of();
        }
        List<String> departments = q.departmentIds() == null ? List.of() : q.departmentIds().stream().sorted().toList();
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM service_case WHERE center_id = ?");
        if (q.state() != null) {
            sql.append(" AND state = ?");
        }
        if (q.itemCode() != null) {
            sql.append(" AND item_code = ?");
        }
        if (!departments.isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(departments.size(), "?"));
            sql.append(" AND (department_id IN (").append(marks).append(") OR number IN (SELECT p.number FROM case_part p "
                    + "WHERE p.center_id = ? AND p.department_id IN (").append(marks).append(")))");
        }
        sql.append(" ORDER BY received_on DESC, number DESC");
        return query(dialect.limit(sql.toString(), q.limit()), ps -> {
            int i = 1;
            ps.setString(i++, centerId);
            if (q.state() != null) {
                ps.setString(i++, q.state().name());
            }
            if (q.itemCode() != null) {
                ps.setString(i++, q.itemCode());
            }
            for (String department : departments) {
                ps.setString(i++, department);
            }
            if (!departments.isEmpty()) {
                ps.setString(i++, centerId);
                for (String department : departments) {
                    ps.setString(i++, department);
                }
            }
        }, rs -> caseRow(rs, List.of()));
    }

    @Override
    public List<String> casesWithJointPartDueBefore(String centerId, LocalDate day) {
        return query("SELECT number FROM service_case WHERE center_id = ? AND joint_due < ? ORDER BY joint_due, number",
                ps -> {
                    ps.setString(1, centerId);
                    ps.setDate(2, Date.valueOf(day));
                }, rs -> rs.getString(1));
    }

    // --- documents ---------------------------------------------------------------------------

    @Override
    public void insertDocument(String centerId, CaseDocument d) {
        update("INSERT INTO case_document (center_id, number, case_number, kind, issued_on, digest, document_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, d.number());
                    ps.setString(3, d.caseNumber());
                    ps.setString(4, d.kind().name());
                    ps.setDate(5, Date.valueOf(d.issuedOn()));
                    ps.setString(6, d.digest());
                    ps.setString(7, OneStopJson.gson().toJson(d));
                });
    }

    @Override
    public List<CaseDocument> documents(String centerId, String caseNumber) {
        // Numbers end in -D and the position; ordering by length first keeps D10 after D9.
        return query("SELECT document_json FROM case_document WHERE center_id = ? AND case_number = ? "
                + "ORDER BY LENGTH(number), number", ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, caseNumber);
                }, rs -> OneStopJson.gson().fromJson(rs.getString(1), CaseDocument.class));
    }

    @Override
    public Optional<CaseDocument> document(String centerId, String documentNumber) {
        return first(query("SELECT document_json FROM case_document WHERE center_id = ? AND number = ?", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, documentNumber);
        }, rs -> OneStopJson.gson().fromJson(rs.getString(1), CaseDocument.class)));
    }

    // --- first inquiries -----------------------------------------------------------------------

    @Override
    public int nextInquirySequence(String centerId, LocalDate day) {
        return nextSequence("inquiry_sequence", centerId, day);
    }

    @Override
    public void insertInquiry(Inquiry q) {
        update("INSERT INTO inquiry (" + INQUIRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, q.centerId());
            ps.setString(2, q.id());
            ps.setString(3, q.subject());
            ps.setString(4, q.inquirer());
            ps.setString(5, q.phone());
            ps.setString(6, q.itemCode());
            ps.setString(7, q.firstClerk());
            ps.setString(8, q.owner());
            ps.setString(9, q.window());
            ps.setString(10, q.state().name());
            ps.setString(11, q.caseNumber());
            ps.setTimestamp(12, Timestamp.from(q.openedAt()));
            ps.setInt(13, q.history().size());
        });
        for (InquiryStep step : q.history()) {
            appendInquiryStep(q.centerId(), q.id(), step);
        }
    }

    @Override
    public boolean updateInquiry(Inquiry q, int expectedSteps, InquiryStep step) {
        int updated = update("UPDATE inquiry SET owner = ?, window_code = ?, state = ?, case_number = ?, steps = ? "
                + "WHERE center_id = ? AND id = ? AND steps = ?", ps -> {
                    ps.setString(1, q.owner());
                    ps.setString(2, q.window());
                    ps.setString(3, q.state().name());
                    ps.setString(4, q.caseNumber());
                    ps.setInt(5, expectedSteps + 1);
                    ps.setString(6, q.centerId());
                    ps.setString(7, q.id());
                    ps.setInt(8, expectedSteps);
                });
        if (updated == 0) {
            return false;
        }
        appendInquiryStep(q.centerId(), q.id(), step);
        return true;
    }

    private void appendInquiryStep(String centerId, String id, InquiryStep step) {
        update("INSERT INTO inquiry_step (center_id, inquiry_id, sequence, kind, recorded_at, actor, owner, window_code, "
                + "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, id);
                    ps.setInt(3, step.sequence());
                    ps.setString(4, step.kind().name());
                    ps.setTimestamp(5, Timestamp.from(step.at()));
                    ps.setString(6, step.actor());
                    ps.setString(7, step.owner());
                    ps.setString(8, step.window());
                    ps.setString(9, step.note());
                });
    }

    @Override
    public Optional<Inquiry> inquiry(String centerId, String id) {
        return first(query("SELECT " + INQUIRY_COLUMNS + " FROM inquiry WHERE center_id = ? AND id = ?", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, id);
        }, JdbcSession::inquiryRow)).map(this::withHistory);
    }

    @Override
    public List<Inquiry> inquiries(String centerId, InquiryState state, String owner, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + INQUIRY_COLUMNS + " FROM inquiry WHERE center_id = ?");
        if (state != null) {
            sql.append(" AND state = ?");
        }
        if (owner != null) {
            sql.append(" AND owner = ?");
        }
        sql.append(" ORDER BY opened_at DESC, id DESC");
        return query(dialect.limit(sql.toString(), limit), ps -> {
            int i = 1;
            ps.setString(i++, centerId);
            if (state != null) {
                ps.setString(i++, state.name());
            }
            if (owner != null) {
                ps.setString(i, owner);
            }
        }, JdbcSession::inquiryRow).stream().map(this::withHistory).toList();
    }

    /** An inquiry's row, and how many steps it had when read: its history is those steps. */
    private record InquiryRow(Inquiry inquiry, int steps) {
    }

    private static InquiryRow inquiryRow(ResultSet rs) throws SQLException {
        return new InquiryRow(new Inquiry(rs.getString("id"), rs.getString("center_id"), rs.getString("subject"),
                rs.getString("inquirer"), rs.getString("phone"), rs.getString("item_code"), rs.getString("first_clerk"),
                rs.getString("owner"), rs.getString("window_code"), InquiryState.valueOf(rs.getString("state")),
                rs.getString("case_number"), instant(rs, "opened_at"), List.of()), rs.getInt("steps"));
    }

    /**
     * The row's history as it stood when the row was read. Under read-committed, steps another writer committed
     * in between would otherwise join an older row: an owner check on that row and a revision taken from the
     * longer history would both pass, and the other writer's act be overwritten (a lost hand-over).
     */
    private Inquiry withHistory(InquiryRow row) {
        Inquiry q = row.inquiry();
        List<InquiryStep> history = query("SELECT * FROM inquiry_step WHERE center_id = ? AND inquiry_id = ? "
                + "AND sequence <= ? ORDER BY sequence", ps -> {
                    ps.setString(1, q.centerId());
                    ps.setString(2, q.id());
                    ps.setInt(3, row.steps());
                }, rs -> new InquiryStep(rs.getInt("sequence"), InquiryStepKind.valueOf(rs.getString("kind")),
                        instant(rs, "recorded_at"), rs.getString("actor"), rs.getString("owner"),
                        rs.getString("window_code"), rs.getString("note")));
        return new Inquiry(q.id(), q.centerId(), q.subject(), q.inquirer(), q.phone(), q.itemCode(), q.firstClerk(),
                q.owner(), q.window(), q.state(), q.caseNumber(), q.openedAt(), history);
    }

    private List<CaseEvent> events(String centerId, String number) {
        return query("SELECT * FROM case_event WHERE center_id = ? AND number = ? ORDER BY sequence", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, number);
        }, rs -> new CaseEvent(rs.getInt("sequence"), CaseAct.valueOf(rs.getString("act")),
                rs.getDate("on_day").toLocalDate(), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("window_code"), rs.getString("note"), eventData(rs.getString("data_json"))));
    }

    private static Map<String, String> eventData(String json) {
        return json == null ? Map.of() : OneStopJson.gson().fromJson(json, EVENT_DATA);
    }

    private static Case caseRow(ResultSet rs, List<CaseEvent> timeline) throws SQLException {
        Applicant applicant = new Applicant(ApplicantType.valueOf(rs.getString("applicant_type")),
                rs.getString("applicant_name"), rs.getString("applicant_id"), rs.getString("applicant_phone"));
        return new Case(rs.getString("center_id"), rs.getString("number"), rs.getString("query_code"),
                rs.getString("item_code"), rs.getInt("item_version"), rs.getString("item_name"),
                rs.getString("department_id"), applicant, Channel.valueOf(rs.getString("channel")),
                OneStopJson.gson().fromJson(rs.getString("materials_json"), MATERIALS),
                CaseState.valueOf(rs.getString("state")), localDate(rs, "received_on"), localDate(rs, "accepted_on"),
                localDate(rs, "deadline"), localDate(rs, "concluded_on"), rs.getInt("revision"),
                progress(rs.getString("progress_json")), timeline);
    }

    /** A case written before version 3 has no progress yet: it starts empty. */
    private static CaseProgress progress(String json) {
        return json == null ? CaseProgress.start(0) : OneStopJson.gson().fromJson(json, CaseProgress.class);
    }

    private static Case withTimeline(Case c, List<CaseEvent> timeline) {
        return new Case(c.centerId(), c.number(), c.queryCode(), c.itemCode(), c.itemVersion(), c.itemName(),
                c.departmentId(), c.applicant(), c.channel(), c.materials(), c.state(), c.receivedOn(), c.acceptedOn(),
                c.deadline(), c.concludedOn(), c.revision(), c.progress(), timeline);
    }

    // --- people ------------------------------------------------------------------------------

    @Override
    public Optional<PersonRecord> person(String account) {
        return first(query("SELECT " + PERSON_COLUMNS + " FROM person WHERE account = ?", ps -> ps.setString(1, account),
                JdbcSession::personRow));
    }

    @Override
    public void insertPerson(PersonRecord p) {
        update("INSERT INTO person (" + PERSON_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, p.account());
            ps.setString(2, p.name());
            ps.setString(3, p.passwordHash());
            ps.setInt(4, p.enabled() ? 1 : 0);
            ps.setInt(5, p.failedAttempts());
            setInstant(ps, 6, p.lockedUntil());
            setInstant(ps, 7, p.createdAt());
        });
    }

    @Override
    public void updatePassword(String account, String passwordHash) {
        update("UPDATE person SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE account = ?", ps -> {
            ps.setString(1, passwordHash);
            ps.setString(2, account);
        });
    }

    @Override
    public void updateEnabled(String account, boolean enabled) {
        update("UPDATE person SET enabled = ? WHERE account = ?", ps -> {
            ps.setInt(1, enabled ? 1 : 0);
            ps.setString(2, account);
        });
    }

    @Override
    public int addFailedSignIn(String account) {
        // Incremented in the database, so that concurrent failures each count.
        update("UPDATE person SET failed_attempts = failed_attempts + 1 WHERE account = ?", ps -> ps.setString(1, account));
        return first(query("SELECT failed_attempts FROM person WHERE account = ?", ps -> ps.setString(1, account),
                rs -> rs.getInt(1))).orElse(0);
    }

    @Override
    public void updateLockedUntil(String account, Instant lockedUntil) {
        update("UPDATE person SET locked_until = ? WHERE account = ?", ps -> {
            setInstant(ps, 1, lockedUntil);
            ps.setString(2, account);
        });
    }

    @Override
    public void clearFailedSignIns(String account) {
        update("UPDATE person SET failed_attempts = 0, locked_until = NULL WHERE account = ?", ps -> ps.setString(1, account));
    }

    @Override
    public List<PersonRecord> peopleOfCenter(String centerId) {
        return query("SELECT " + PERSON_COLUMNS + " FROM person WHERE account IN "
                + "(SELECT g.account FROM role_grant g WHERE g.center_id = ?) ORDER BY account",
                ps -> ps.setString(1, centerId), JdbcSession::personRow);
    }

    private static PersonRecord personRow(ResultSet rs) throws SQLException {
        return new PersonRecord(rs.getString("account"), rs.getString("name"), rs.getString("password_hash"),
                rs.getInt("enabled") == 1, rs.getInt("failed_attempts"), instant(rs, "locked_until"),
                instant(rs, "created_at"));
    }

    // --- role grants ---------------------------------------------------------------------------

    @Override
    public List<RoleGrant> grants(String account) {
        return query("SELECT role, center_id, department_id, seal_id FROM role_grant WHERE account = ? "
                + "ORDER BY center_id, role, department_id, seal_id", ps -> ps.setString(1, account),
                rs -> new RoleGrant(Role.valueOf(rs.getString("role")), rs.getString("center_id"),
                        blankToNull(rs.getString("department_id")), blankToNull(rs.getString("seal_id"))));
    }

    @Override
    public boolean insertGrant(String account, RoleGrant g) {
        if (hasGrant(account, g)) {
            return false;
        }
        update("INSERT INTO role_grant (account, role, center_id, department_id, seal_id) VALUES (?, ?, ?, ?, ?)",
                ps -> bindGrant(ps, account, g));
        return true;
    }

    @Override
    public boolean deleteGrant(String account, RoleGrant g) {
        return update("DELETE FROM role_grant WHERE account = ? AND role = ? AND center_id = ? AND department_id = ? "
                + "AND seal_id = ?", ps -> bindGrant(ps, account, g)) > 0;
    }

    private boolean hasGrant(String account, RoleGrant g) {
        return !query("SELECT account FROM role_grant WHERE account = ? AND role = ? AND center_id = ? "
                + "AND department_id = ? AND seal_id = ?", ps -> bindGrant(ps, account, g), rs -> rs.getString(1)).isEmpty();
    }

    private static void bindGrant(PreparedStatement ps, String account, RoleGrant g) throws SQLException {
        ps.setString(1, account);
        ps.setString(2, g.role().name());
        ps.setString(3, g.centerId());
        ps.setString(4, nullToBlank(g.departmentId()));
        ps.setString(5, nullToBlank(g.sealId()));
    }

    @Override
    public int countGrants(String centerId, Role role) {
        return first(query("SELECT COUNT(*) FROM role_grant WHERE center_id = ? AND role = ?", ps -> {
            ps.setString(1, centerId);
            ps.setString(2, role.name());
        }, rs -> rs.getInt(1))).orElse(0);
    }

    // --- sessions ------------------------------------------------------------------------------

    @Override
    public void insertSession(SessionRecord s) {
        update("INSERT INTO access_session (secret_hash, account, csrf_token, created_at, last_seen, expires_at, "
                + "absolute_expiry) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, s.secretHash());
                    ps.setString(2, s.account());
                    ps.setString(3, s.csrfToken());
                    setInstant(ps, 4, s.createdAt());
                    setInstant(ps, 5, s.lastSeen());
                    setInstant(ps, 6, s.expiresAt());
                    setInstant(ps, 7, s.absoluteExpiry());
                });
    }

    @Override
    public Optional<SessionRecord> sessionByHash(String secretHash) {
        return first(query("SELECT * FROM access_session WHERE secret_hash = ?", ps -> ps.setString(1, secretHash),
                rs -> new SessionRecord(rs.getString("secret_hash"), rs.getString("account"), rs.getString("csrf_token"),
                        instant(rs, "created_at"), instant(rs, "last_seen"), instant(rs, "expires_at"),
                        instant(rs, "absolute_expiry"))));
    }

    @Override
    public void touchSession(String secretHash, Instant lastSeen, Instant expiresAt) {
        update("UPDATE access_session SET last_seen = ?, expires_at = ? WHERE secret_hash = ?", ps -> {
            setInstant(ps, 1, lastSeen);
            setInstant(ps, 2, expiresAt);
            ps.setString(3, secretHash);
        });
    }

    @Override
    public boolean deleteSession(String secretHash) {
        return update("DELETE FROM access_session WHERE secret_hash = ?", ps -> ps.setString(1, secretHash)) > 0;
    }

    @Override
    public int deleteSessionsOf(String account) {
        return update("DELETE FROM access_session WHERE account = ?", ps -> ps.setString(1, account));
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return update("DELETE FROM access_session WHERE expires_at <= ? OR absolute_expiry <= ?", ps -> {
            setInstant(ps, 1, now);
            setInstant(ps, 2, now);
        });
    }

    // --- tokens --------------------------------------------------------------------------------

    @Override
    public void insertToken(TokenRecord record) {
        ApiToken t = record.token();
        update("INSERT INTO api_token (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, t.id());
            ps.setString(2, t.centerId());
            ps.setString(3, t.departmentId());
            ps.setString(4, t.name());
            ps.setString(5, record.secretHash());
            ps.setString(6, t.scope().stream().map(Permission::name).sorted().collect(Collectors.joining(",")));
            ps.setString(7, t.createdBy());
            setInstant(ps, 8, t.createdAt());
            setInstant(ps, 9, t.expiresAt());
            setInstant(ps, 10, t.revokedAt());
        });
    }

    @Override
    public Optional<TokenRecord> token(String tokenId) {
        return first(query("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE id = ?", ps -> ps.setString(1, tokenId),
                rs -> new TokenRecord(tokenRow(rs), rs.getString("secret_hash"))));
    }

    @Override
    public List<ApiToken> tokens(String centerId) {
        return query("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE center_id = ? ORDER BY created_at DESC, id",
                ps -> ps.setString(1, centerId), JdbcSession::tokenRow);
    }

    @Override
    public void updateTokenRevoked(String tokenId, Instant revokedAt) {
        update("UPDATE api_token SET revoked_at = ? WHERE id = ?", ps -> {
            setInstant(ps, 1, revokedAt);
            ps.setString(2, tokenId);
        });
    }

    private static ApiToken tokenRow(ResultSet rs) throws SQLException {
        Set<Permission> scope = EnumSet.noneOf(Permission.class);
        Arrays.stream(rs.getString("scope").split(",")).filter(s -> !s.isBlank()).map(Permission::valueOf)
                .forEach(scope::add);
        return new ApiToken(rs.getString("id"), rs.getString("center_id"), rs.getString("department_id"),
                rs.getString("name"), scope, rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"));
    }

    // --- security log --------------------------------------------------------------------------

    @Override
    public void appendSecurityEvent(SecurityEvent e) {
        update("INSERT INTO security_event (occurred_at, center_id, actor, kind, subject, detail, remote) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    setInstant(ps, 1, e.at());
                    ps.setString(2, e.centerId());
                    ps.setString(3, e.actor());
                    ps.setString(4, e.kind().name());
                    ps.setString(5, e.subject());
                    ps.setString(6, e.detail());
                    ps.setString(7, e.remote());
                });
    }

    @Override
    public List<SecurityEvent> securityEvents(String centerId, int limit) {
        return query(dialect.limit("SELECT * FROM security_event WHERE center_id = ? OR (center_id IS NULL AND subject IN "
                + "(SELECT g.account FROM role_grant g WHERE g.center_id = ?)) ORDER BY sequence DESC", limit), ps -> {
                    ps.setString(1, centerId);
                    ps.setString(2, centerId);
                }, rs -> new SecurityEvent(rs.getLong("sequence"), instant(rs, "occurred_at"), rs.getString("center_id"),
                        rs.getString("actor"), SecurityEventKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                        rs.getString("detail"), rs.getString("remote")));
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

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(at));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
