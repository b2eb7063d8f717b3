package org.onestop.core.internal.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.Light;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Item;
import org.onestop.api.id.CreditCode;
import org.onestop.api.id.ResidentId;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.catalog.Check;
import org.onestop.core.internal.plugin.CaseEventBus;
import org.onestop.store.Store;
import org.onestop.store.StoreSession;

/**
 * Cases (办件) through receive, accept and conclude. Each act reads the case, checks the state it needs,
 * and writes the new state with its event in one transaction, guarded by the case's revision; the
 * event is published after the commit.
 */
public final class CaseServiceImpl implements CaseService {

    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,20}");
    private static final int MAX_MATERIALS = 200;
    private static final String QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int QUERY_CODE_LENGTH = 8;

    private final Store store;
    private final WorkCalendar calendar;
    private final CaseEventBus bus;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final java.util.Map<String, Integer> promisedLimits = new java.util.concurrent.ConcurrentHashMap<>();

    public CaseServiceImpl(Store store, WorkCalendar calendar, CaseEventBus bus, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public Case receive(String centerId, ReceiveRequest request) {
        Check check = Check.at("");
        check.present("request", request, "收件信息");
        check.text("itemCode", request.itemCode(), "事项编码", 60);
        Applicant applicant = applicant(check.present("applicant", request.applicant(), "申请人"), check.nested("applicant"));
        check.rule("materials", request.materials().size() <= MAX_MATERIALS, "材料不能超过" + MAX_MATERIALS + "项");
        for (int i = 0; i < request.materials().size(); i++) {
            SubmittedMaterial m = check.present("materials[" + i + "]", request.materials().get(i), "材料");
            Check mc = check.nested("materials[" + i + "]");
            mc.text("name", m.name(), "材料名称", 200);
            mc.present("form", m.form(), "材料形式");
            mc.range("copies", m.copies(), 1, 99, "份数");
        }
        Check actCheck = check.nested("act");
        ActDetails act = act(request.act(), actCheck);
        LocalDate on = dayOf(act, today(), actCheck);
        Channel channel = request.channel() == null ? Channel.WINDOW : request.channel();

        Case received = store.inTransaction(s -> {
            Center center = CatalogServiceImpl.requireCenter(s, centerId);
            Item item = s.itemInForce(centerId, request.itemCode().strip(), on).orElseThrow(() -> OneStopException.notFound(
                    "itemCode", "事项“" + request.itemCode() + "”不存在或在" + on + "尚未生效"));
            checkWindow(s, centerId, item.departmentId(), act.window(), actCheck);
            int sequence = s.nextCaseSequence(centerId, on);
            String number = center.regionCode() + "-" + NUMBER_DATE.format(on) + "-" + String.format("%04d", sequence);
            CaseEvent event = new CaseEvent(1, CaseAct.RECEIVE, on, Instant.now(clock), act.actor().strip(), act.window(),
                    act.note());
            Case c = new Case(centerId, number, queryCode(), item.code(), item.version(), item.name(), item.departmentId(),
                    applicant, channel, request.materials(), CaseState.RECEIVED, on, null, null, null, 1, List.of(event));
            s.insertCase(centerId, c);
            return c;
        });
        publish(received);
        return received;
    }

    @Override
    public Case accept(String centerId, String number, ActDetails details) {
        return act(centerId, number, details, CaseAct.ACCEPT, CaseState.RECEIVED, (s, c, on) -> {
            check(!on.isBefore(c.receivedOn()), "受理日期不能早于收件日期（" + c.receivedOn() + "）");
            Item item = s.itemVersion(centerId, c.itemCode(), c.itemVersion()).orElseThrow();
            LocalDate deadline = calendar.deadline(centerId, on, item.promisedLimitDays());
            return with(c, CaseState.ACCEPTED, on, deadline, null);
        });
    }

    @Override
    public Case conclude(String centerId, String number, ActDetails details) {
        return act(centerId, number, details, CaseAct.CONCLUDE, CaseState.ACCEPTED, (s, c, on) -> {
            check(!on.isBefore(c.acceptedOn()), "办结日期不能早于受理日期（" + c.acceptedOn() + "）");
            return with(c, CaseState.CONCLUDED, c.acceptedOn(), c.deadline(), on);
        });
    }

    @FunctionalInterface
    private interface Transition {
        Case apply(StoreSession s, Case current, LocalDate on);
    }

    private Case act(String centerId, String number, ActDetails details, CaseAct act, CaseState needed, Transition transition) {
        Check check = Check.at("");
        ActDetails a = act(details, check);
        LocalDate on = dayOf(a, today(), check);
        Case done = store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            Case current = s.findCase(centerId, number).orElseThrow(
                    () -> OneStopException.notFound("number", "办件“" + number + "”不存在"));
            if (current.state() != needed) {
                throw OneStopException.state("办件当前状态为“" + current.state().label() + "”，" + act.label()
                        + "需要状态“" + needed.label() + "”");
            }
            checkWindow(s, centerId, current.departmentId(), a.window(), check);
            Case next = transition.apply(s, current, on);
            CaseEvent event = new CaseEvent(current.timeline().size() + 1, act, on, Instant.now(clock), a.actor().strip(),
                    a.window(), a.note());
            List<CaseEvent> timeline = new ArrayList<>(current.timeline());
            timeline.add(event);
            Case written = new Case(next.centerId(), next.number(), next.queryCode(), next.itemCode(), next.itemVersion(),
                    next.itemName(), next.departmentId(), next.applicant(), next.channel(), next.materials(), next.state(),
                    next.receivedOn(), next.acceptedOn(), next.deadline(), next.concludedOn(), current.revision() + 1,
                    timeline);
            if (!s.updateCase(centerId, written, current.revision(), event)) {
                throw OneStopException.conflict("number", "办件“" + number + "”刚被他人办理，请刷新后重试");
            }
            return written;
        });
        publish(done);
        return done;
    }

    /** A window named for an act must be one of the department's counters (when it has any listed). */
    private static void checkWindow(StoreSession s, String centerId, String departmentId, String window, Check check) {
        if (window == null || window.isBlank()) {
            return;
        }
        List<String> windows = s.department(centerId, departmentId).map(d -> d.windows().stream()
                .map(org.onestop.api.catalog.Window::code).toList()).orElse(List.of());
        if (!windows.isEmpty() && !windows.contains(window.strip())) {
            throw check.invalid("window", "窗口“" + window + "”不是该事项实施部门的窗口（" + String.join("、", windows) + "）");
        }
    }

    private static Case with(Case c, CaseState state, LocalDate acceptedOn, LocalDate deadline, LocalDate concludedOn) {
        return new Case(c.centerId(), c.number(), c.queryCode(), c.itemCode(), c.itemVersion(), c.itemName(),
                c.departmentId(), c.applicant(), c.channel(), c.materials(), state, c.receivedOn(), acceptedOn, deadline,
                concludedOn, c.revision(), c.timeline());
    }

    private void publish(Case c) {
        CaseEvent last = c.timeline().get(c.timeline().size() - 1);
        bus.publish(new CaseEventNotice(c.centerId(), c.number(), c.itemCode(), last, c.state()));
    }

    @Override
    public Optional<Case> find(String centerId, String number) {
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return number == null ? Optional.empty() : s.findCase(centerId, number);
        });
    }

    @Override
    public List<Case> cases(String centerId, CaseQuery query) {
        CaseQuery q = query == null ? new CaseQuery(null, null, null, 0) : query;
        int limit = q.limit() == 0 ? 50 : Check.at("").range("limit", q.limit(), 1, 500, "条数");
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return s.cases(centerId, new CaseQuery(q.state(), q.itemCode(), q.departmentIds(), limit));
        });
    }

    @Override
    public CaseClock clock(Case c, LocalDate asOf) {
        int limit = promisedLimit(c);
        if (c.acceptedOn() == null) {
            return new CaseClock(asOf, limit, null, 0, limit, null);
        }
        LocalDate end = c.concludedOn() != null ? c.concludedOn() : asOf;
        int used = Math.max(0, calendar.workingDaysBetween(c.centerId(), c.acceptedOn(), end));
        int left = calendar.workingDaysBetween(c.centerId(), end, c.deadline());
        Light light;
        if (end.isAfter(c.deadline())) {
            light = Light.RED;
        } else if (c.concludedOn() == null && left <= yellowThreshold(limit)) {
            light = Light.YELLOW;
        } else {
            light = Light.GREEN;
        }
        return new CaseClock(asOf, limit, c.deadline(), used, left, light);
    }

    @Override
    public CaseClock clock(Case c) {
        return clock(c, today());
    }

    /**
     * The promised limit of the case's item version. A version never changes once written, so it is read
     * once per version: a list of cases with their clocks must not cost one query per case.
     */
    private int promisedLimit(Case c) {
        String key = c.centerId() + '\u0000' + c.itemCode() + '\u0000' + c.itemVersion();
        Integer known = promisedLimits.get(key);
        if (known != null) {
            return known;
        }
        int limit = store.read(s -> s.itemVersion(c.centerId(), c.itemCode(), c.itemVersion()))
                .map(Item::promisedLimitDays).orElse(0);
        promisedLimits.put(key, limit);
        return limit;
    }

    /** Near the deadline: 1 working day or 20% of the limit left, whichever comes first. */
    static int yellowThreshold(int limit) {
        return Math.max(1, (int) Math.ceil(limit * 0.2));
    }

    private static Applicant applicant(Applicant a, Check check) {
        check.present("type", a.type(), "申请人类型");
        String name = check.text("name", a.name(), "申请人名称", 100).strip();
        String id;
        if (a.type() == ApplicantType.PERSON) {
            check.identifier("idNumber", ResidentId.problem(a.idNumber()));
            id = ResidentId.normalize(a.idNumber());
        } else {
            check.identifier("idNumber", CreditCode.problem(a.idNumber()));
            id = CreditCode.normalize(a.idNumber());
        }
        String phone = a.phone() == null || a.phone().isBlank() ? null
                : check.matches("phone", a.phone().strip(), PHONE, "联系电话", "应为5至20位数字（可含 + - 括号 空格）");
        return new Applicant(a.type(), name, id, phone);
    }

    private static ActDetails act(ActDetails details, Check a) {
        ActDetails d = details == null ? new ActDetails(null, null, null, null) : details;
        a.text("actor", d.actor(), "经办人", 100);
        a.optionalText("window", d.window(), "窗口", 40);
        a.optionalText("note", d.note(), "备注", 2000);
        return d;
    }

    /** The business day of an act: today unless a past day is given for a paper case entered later. */
    private static LocalDate dayOf(ActDetails act, LocalDate today, Check check) {
        LocalDate on = act.on() == null ? today : act.on();
        if (on.isAfter(today)) {
            throw check.invalid("on", "办理日期不能晚于今天（" + today + "）");
        }
        return on;
    }

    private static void check(boolean holds, String message) {
        if (!holds) {
            throw OneStopException.invalid("on", message);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Eight characters without look-alikes (no 0, 1, I, O): about 10^12 codes, so that guessing the code of a
     * case whose number is known takes far longer than the case lives.
     */
    private String queryCode() {
        char[] code = new char[QUERY_CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = QUERY_CODE_ALPHABET.charAt(random.nextInt(QUERY_CODE_ALPHABET.length()));
        }
        return new String(code);
    }
}
