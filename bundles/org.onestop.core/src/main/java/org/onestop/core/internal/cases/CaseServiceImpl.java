package org.onestop.core.internal.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.WorkCalendar;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Breach;
import org.onestop.api.cases.BreachRule;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseClock;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.CaseService;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.ConsentRule;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.Delivery;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.DeliveryRequest;
import org.onestop.api.cases.Extension;
import org.onestop.api.cases.ExtensionDecision;
import org.onestop.api.cases.ExtensionRequest;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.JointAnswer;
import org.onestop.api.cases.JointMeeting;
import org.onestop.api.cases.JointMeetingRequest;
import org.onestop.api.cases.JointOpinion;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.NoticeRequest;
import org.onestop.api.cases.PauseRecord;
import org.onestop.api.cases.PauseRequest;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.RefusalRequest;
import org.onestop.api.cases.Report;
import org.onestop.api.cases.ReportRequest;
import org.onestop.api.cases.ReportUpdate;
import org.onestop.api.cases.StepAssignment;
import org.onestop.api.cases.StepCompletion;
import org.onestop.api.cases.StepProgress;
import org.onestop.api.cases.SubCase;
import org.onestop.api.cases.SubCaseState;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.cases.SupplementRequest;
import org.onestop.api.cases.WithdrawRequest;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.JointDepartment;
import org.onestop.api.catalog.Material;
import org.onestop.api.catalog.ProcedureStep;
import org.onestop.api.catalog.SpecialProcedure;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.id.CreditCode;
import org.onestop.api.id.ResidentId;
import org.onestop.api.plugin.CaseEventNotice;
import org.onestop.core.internal.catalog.CatalogCache;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.catalog.Check;
import org.onestop.core.internal.documents.DocumentContext;
import org.onestop.core.internal.documents.DocumentFactory;
import org.onestop.core.internal.plugin.CaseEventBus;
import org.onestop.store.Store;
import org.onestop.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cases (办件) through every act. Each act reads the case, checks the states it needs, changes it, and
 * writes the new state with its events and documents in one transaction guarded by the case's revision;
 * the events are published after the commit.
 */
public final class CaseServiceImpl implements CaseService {

    /** The actor of what the platform does by itself: timeouts and the defaults of absence. */
    public static final String SYSTEM = "system";

    /** The Administrative License Law, art. 42: 10 more working days with the approval of the head of the organ. */
    static final int LICENSE_EXTENSION_DAYS = 10;

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseServiceImpl.class);
    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_MATERIALS = 200;
    private static final String QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int QUERY_CODE_LENGTH = 8;
    private static final int TIMER_ATTEMPTS = 3;
    /** Cases kept as last written: a hall's open cases of a busy day, a few MB. */
    private static final int RECENT_CASES = 4096;

    private static final Set<CaseState> BEFORE_ACCEPTANCE = EnumSet.of(CaseState.RECEIVED, CaseState.SUPPLEMENTING);
    private static final Set<CaseState> RUNNING = EnumSet.of(CaseState.ACCEPTED, CaseState.PAUSED);
    private static final Set<CaseState> UNDECIDED = EnumSet.of(CaseState.RECEIVED, CaseState.SUPPLEMENTING,
            CaseState.ACCEPTED, CaseState.PAUSED, CaseState.REPORTED);
    private static final Set<CaseState> OPEN = EnumSet.complementOf(EnumSet.of(CaseState.CONCLUDED, CaseState.REFUSED,
            CaseState.WITHDRAWN));

    private final Store store;
    private final WorkCalendar calendar;
    private final CaseEventBus bus;
    private final Clock clock;
    private final CaseClocks clocks;
    private final CatalogCache catalog;
    private final RecentCases recent = new RecentCases(RECENT_CASES);
    private final DocumentFactory documents = new DocumentFactory();
    private final SecureRandom random = new SecureRandom();
    /** Item versions never change once written, so each is read once: acts and clocks must not query it per case. */
    private final Map<String, Item> itemVersions = new ConcurrentHashMap<>();

    /**
     * @param catalog    the catalog records acts read, shared with the catalog service that keeps it current
     * @param thresholds when a running case's light turns yellow
     */
    public CaseServiceImpl(Store store, WorkCalendar calendar, CaseEventBus bus, Clock clock, CatalogCache catalog,
            LightThresholds thresholds) {
        this.store = store;
        this.calendar = calendar;
        this.bus = bus;
        this.clock = clock;
        this.catalog = catalog;
        this.clocks = new CaseClocks(calendar, thresholds);
    }

    // --- intake ------------------------------------------------------------------------------------------

    @Override
    public Case receive(String centerId, ReceiveRequest request) {
        Check check = Check.at("");
        check.present("request", request, "收件信息");
        check.text("itemCode", request.itemCode(), "事项编码", 60);
        Applicant applicant = applicant(check.present("applicant", request.applicant(), "申请人"), check.nested("applicant"));
        List<SubmittedMaterial> materials = materials(request.materials(), check, "materials");
        check.rule("conditionsMet", request.conditionsMet().size() <= MAX_MATERIALS, "条件材料不能超过" + MAX_MATERIALS + "项");
        Check actCheck = check.nested("act");
        ActDetails act = act(request.act(), actCheck);
        LocalDate on = dayOf(act, today(), actCheck);
        Channel channel = request.channel() == null ? Channel.WINDOW : request.channel();

        Case received = store.inTransaction(s -> {
            Center center = catalog.center(s, centerId);
            Item item = catalog.itemInForce(s, centerId, request.itemCode().strip(), on).orElseThrow(() -> OneStopException.notFound(
                    "itemCode", "事项“" + request.itemCode() + "”不存在或在" + on + "尚未生效"));
            List<String> conditions = conditionsMet(item, request.conditionsMet(), check);
            listed(item, materials, check);
            checkWindow(s, centerId, item.departmentId(), act.window(), actCheck);
            int sequence = s.nextCaseSequence(centerId, on);
            String number = center.regionCode() + "-" + NUMBER_DATE.format(on) + "-" + String.format("%04d", sequence);
            CaseEvent event = new CaseEvent(1, CaseAct.RECEIVE, on, Instant.now(clock), act.actor().strip(), act.window(),
                    act.note(), Map.of("channel", channel.name()));
            CaseProgress start = CaseProgress.start(channel == Channel.WINDOW ? 1 : 0);
            ProgressEdit progress = new ProgressEdit(start);
            progress.conditionsMet.addAll(conditions);
            Case c = new Case(centerId, number, queryCode(), item.code(), item.version(), item.name(), item.departmentId(),
                    applicant, channel, materials, CaseState.RECEIVED, on, null, null, null, 1, progress.build(),
                    List.of(event));
            s.insertCase(centerId, c);
            return c;
        });
        recent.put(received);
        publish(received, received.timeline());
        return received;
    }

    /**
     * Each material handed in must be one of the item's list: the material check, the one-time notice and its
     * breach rule all go by those names, and a name outside the list would escape every one of them.
     */
    private static void listed(Item item, List<SubmittedMaterial> materials, Check check) {
        List<String> names = item.materials().stream().map(Material::name).toList();
        for (int i = 0; i < materials.size(); i++) {
            String name = materials.get(i).name();
            check.rule("materials[" + i + "].name", names.contains(name), "“" + name + "”不在事项“" + item.name()
                    + "”的材料清单中；清单：" + String.join("、", names));
        }
    }

    private static List<String> conditionsMet(Item item, List<String> given, Check check) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String name = check.text("conditionsMet[" + i + "]", given.get(i), "条件材料名称", 200).strip();
            boolean conditional = item.materials().stream().anyMatch(m -> !m.required() && m.name().equals(name));
            check.rule("conditionsMet[" + i + "]", conditional, "“" + name + "”不是该事项的条件材料");
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public List<MaterialProblem> materialCheck(String centerId, String number) {
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            Case c = requireCase(s, centerId, number);
            return MaterialRules.check(item(s, c), c.channel(), c.materials(), c.progress().conditionsMet());
        });
    }

    @Override
    public Case issueOneTimeNotice(String centerId, String number, NoticeRequest request) {
        Check check = Check.at("");
        check.present("request", request, "告知内容");
        check.rule("problems", request.problems().size() <= MAX_MATERIALS, "问题不能超过" + MAX_MATERIALS + "项");
        for (int i = 0; i < request.problems().size(); i++) {
            MaterialProblem p = check.present("problems[" + i + "]", request.problems().get(i), "材料问题");
            Check pc = check.nested("problems[" + i + "]");
            pc.text("material", p.material(), "材料名称", 200);
            pc.present("kind", p.kind(), "问题类型");
            pc.optionalText("detail", p.detail(), "补正要求", 500);
        }
        return act(centerId, number, CaseAct.ONE_TIME_NOTICE.label(), request.act(), EnumSet.of(CaseState.RECEIVED), ctx -> {
            Item item = ctx.item();
            for (int i = 0; i < request.problems().size(); i++) {
                String name = request.problems().get(i).material().strip();
                check.rule("problems[" + i + "].material", item.materials().stream().anyMatch(m -> m.name().equals(name)),
                        "材料“" + name + "”不在该事项的材料清单中");
            }
            List<MaterialProblem> found = MaterialRules.check(item, ctx.current.channel(), ctx.current.materials(),
                    ctx.p.conditionsMet);
            List<MaterialProblem> all = MaterialRules.union(found, request.problems().stream()
                    .map(p -> new MaterialProblem(p.material().strip(), p.kind(), p.detail())).toList());
            check.rule("problems", !all.isEmpty(), "材料齐全且符合要求，无需告知，请直接受理");
            List<String> settled = MaterialRules.breaches(all, ctx.p.settled);
            if (!settled.isEmpty()) {
                // The notice is not issued, but the attempt stays on the record for the monitor.
                String names = String.join("、", settled);
                ctx.p.breaches.add(new Breach(BreachRule.ONE_TIME_NOTICE, ctx.on, ctx.actor,
                        "再次告知已认定齐全的材料：" + names));
                ctx.event(CaseAct.BREACH, Map.of("rule", BreachRule.ONE_TIME_NOTICE.name(), "materials", names));
                ctx.refuseAfterCommit = OneStopException.invalid("problems", "违反一次性告知制：材料“" + names
                        + "”在此前的告知中已认定齐全，不得再次告知。本次告知未出具，已记录在案");
                return;
            }
            ctx.p.notices++;
            List<MaterialProblem> outstanding = MaterialRules.union(ctx.p.flagged, all);
            ctx.p.flagged.clear();
            ctx.p.flagged.addAll(outstanding);
            for (SubmittedMaterial m : ctx.current.materials()) {
                boolean listed = item.materials().stream().anyMatch(x -> x.name().equals(m.name()));
                boolean flagged = all.stream().anyMatch(p -> p.material().equals(m.name()));
                if (listed && !flagged && !ctx.p.settled.contains(m.name())) {
                    ctx.p.settled.add(m.name());
                }
            }
            ctx.state = CaseState.SUPPLEMENTING;
            ctx.eventWithDocument(CaseAct.ONE_TIME_NOTICE, data("problems", String.valueOf(all.size()),
                    "notice", String.valueOf(ctx.p.notices)), d -> documents.oneTimeNotice(d, all));
        });
    }

    @Override
    public Case supplement(String centerId, String number, SupplementRequest request) {
        Check check = Check.at("");
        check.present("request", request, "补正材料");
        List<SubmittedMaterial> brought = materials(request.materials(), check, "materials");
        check.rule("materials", !brought.isEmpty(), "补正材料不能为空");
        return act(centerId, number, CaseAct.SUPPLEMENT.label(), request.act(), BEFORE_ACCEPTANCE, ctx -> {
            listed(ctx.item(), brought, check);
            List<SubmittedMaterial> materials = new ArrayList<>(ctx.current.materials());
            for (SubmittedMaterial m : brought) {
                materials.removeIf(old -> old.name().equals(m.name()));
                materials.add(m);
                // Handed in again: the notice's problems with it are answered, and a later notice may judge it afresh.
                ctx.p.settled.remove(m.name());
                ctx.p.flagged.removeIf(p -> p.material().equals(m.name()));
            }
            check.rule("materials", materials.size() <= MAX_MATERIALS, "材料不能超过" + MAX_MATERIALS + "项");
            ctx.materials = materials;
            ctx.state = CaseState.RECEIVED;
            ctx.event(CaseAct.SUPPLEMENT, Map.of("materials", String.join("、", brought.stream()
                    .map(SubmittedMaterial::name).toList())));
            if (ctx.details.window() != null) {
                ctx.visit();
            }
        });
    }

    @Override
    public Case accept(String centerId, String number, ActDetails details) {
        return act(centerId, number, CaseAct.ACCEPT.label(), details, EnumSet.of(CaseState.RECEIVED), ctx -> {
            requireCompleteMaterials(ctx);
            start(ctx);
            ctx.eventWithDocument(CaseAct.ACCEPT, data("deadline", ctx.deadline.toString(), "limitDays",
                    String.valueOf(ctx.item().promisedLimitDays())), documents::acceptance);
        });
    }

    /** The platform's check finds nothing, and every problem a notice raised was answered by a new copy. */
    private static void requireCompleteMaterials(ActContext ctx) {
        List<MaterialProblem> problems = MaterialRules.union(MaterialRules.check(ctx.item(), ctx.current.channel(),
                ctx.current.materials(), ctx.p.conditionsMet), ctx.p.flagged);
        if (!problems.isEmpty()) {
            throw OneStopException.invalid("materials", "材料不齐全或不符合要求（" + String.join("；", problems.stream()
                    .map(p -> p.material() + "：" + p.kind().label()).toList()) + "），请出具一次性告知书");
        }
    }

    /** Acceptance: the clock starts, the first step is done, the second begins, and a joint case's parts open. */
    private void start(ActContext ctx) {
        Item item = ctx.item();
        ctx.acceptedOn = ctx.on;
        ctx.p.completeAtIntake = ctx.p.notices == 0;
        List<ProcedureStep> steps = item.steps();
        for (int i = 0; i < steps.size(); i++) {
            ProcedureStep step = steps.get(i);
            boolean first = i == 0;
            boolean second = i == 1;
            LocalDate started = first || second ? ctx.on : null;
            ctx.p.steps.add(new StepProgress(i + 1, step.name(), step.role(), step.limitDays(), first ? ctx.actor : null,
                    started, started == null ? null : calendar.deadline(ctx.centerId(), ctx.on, step.limitDays()),
                    first ? ctx.on : null, first ? ctx.actor : null, null));
        }
        List<JointDepartment> joint = item.handlingType() == HandlingType.JOINT ? item.jointDepartments() : List.of();
        for (int i = 0; i < joint.size(); i++) {
            JointDepartment d = joint.get(i);
            ctx.p.subCases.add(new SubCase(ctx.current.number() + "-J" + (i + 1), d.departmentId(), d.limitDays(), ctx.on,
                    calendar.deadline(ctx.centerId(), ctx.on, d.limitDays()), SubCaseState.PENDING, null, null, null, null));
        }
        ctx.state = CaseState.ACCEPTED;
        ctx.deadline = clocks.deadline(ctx.centerId(), ctx.on, item.promisedLimitDays(), ctx.p.build());
    }

    @Override
    public Case refuse(String centerId, String number, RefusalRequest request) {
        Check check = Check.at("");
        check.present("request", request, "不予受理信息");
        String reason = check.text("reason", request.reason(), "不予受理理由", 1000).strip();
        String basis = check.text("legalBasis", request.legalBasis(), "法律依据", 300).strip();
        return act(centerId, number, CaseAct.REFUSE.label(), request.act(), BEFORE_ACCEPTANCE, ctx -> {
            ctx.end(CaseState.REFUSED);
            ctx.eventWithDocument(CaseAct.REFUSE, Map.of(), d -> documents.refusal(d, reason, basis));
        });
    }

    @Override
    public Case decideOnTheSpot(String centerId, String number, DecisionRequest request) {
        DecisionRequest decision = decision(request);
        return act(centerId, number, "当场办结", request.act(), EnumSet.of(CaseState.RECEIVED), ctx -> {
            if (ctx.item().handlingType() != HandlingType.IMMEDIATE) {
                throw OneStopException.state("事项“" + ctx.item().name() + "”是" + ctx.item().handlingType().label()
                        + "，不能当场办结；请受理后按环节办理");
            }
            requireCompleteMaterials(ctx);
            start(ctx);
            ctx.event(CaseAct.ACCEPT, data("deadline", ctx.deadline.toString(), "limitDays",
                    String.valueOf(ctx.item().promisedLimitDays())));
            for (int i = 0; i < ctx.p.steps.size(); i++) {
                StepProgress s = ctx.p.steps.get(i);
                if (!s.completed()) {
                    ctx.p.steps.set(i, completed(s, ctx.on, ctx.actor, null, ctx.on));
                }
            }
            decide(ctx, decision);
            deliver(ctx, new Delivery(DeliveryMethod.WINDOW, ctx.current.applicant().name(), null, null, ctx.on), false);
            conclude(ctx);
        });
    }

    // --- steps, special procedures, extensions ---------------------------------------------------------

    @Override
    public Case assignStep(String centerId, String number, StepAssignment assignment) {
        Check check = Check.at("");
        check.present("request", assignment, "指派信息");
        String assignee = check.text("assignee", assignment.assignee(), "承办人", 100).strip();
        return act(centerId, number, CaseAct.ASSIGN_STEP.label(), assignment.act(), RUNNING, ctx -> {
            int index = assignment.step() - 1;
            check.rule("step", index >= 0 && index < ctx.p.steps.size(), "环节序号应在1到" + ctx.p.steps.size() + "之间");
            StepProgress s = ctx.p.steps.get(index);
            if (s.completed()) {
                throw OneStopException.state("第" + s.number() + "步“" + s.name() + "”已于" + s.completedOn() + "完成，不能再指派");
            }
            ctx.p.steps.set(index, new StepProgress(s.number(), s.name(), s.role(), s.limitDays(), assignee, s.startedOn(),
                    s.due(), null, null, null));
            ctx.event(CaseAct.ASSIGN_STEP, data("step", String.valueOf(s.number()), "assignee", assignee));
        });
    }

    @Override
    public Case completeStep(String centerId, String number, StepCompletion completion) {
        Check check = Check.at("");
        check.present("request", completion, "环节办理信息");
        String opinion = check.optionalText("opinion", completion.opinion(), "环节意见", 2000);
        return act(centerId, number, CaseAct.COMPLETE_STEP.label(), completion.act(), EnumSet.of(CaseState.ACCEPTED), ctx -> {
            StepProgress current = ctx.p.currentStep();
            if (current == null) {
                throw OneStopException.state("该办件的所有环节均已完成");
            }
            if (completion.step() != 0 && completion.step() != current.number()) {
                throw check.invalid("step", "环节须依次办理：当前环节是第" + current.number() + "步“" + current.name() + "”");
            }
            int index = current.number() - 1;
            ctx.p.steps.set(index, completed(current, ctx.on, ctx.actor, opinion, current.startedOn()));
            if (index + 1 < ctx.p.steps.size()) {
                StepProgress next = ctx.p.steps.get(index + 1);
                ctx.p.steps.set(index + 1, new StepProgress(next.number(), next.name(), next.role(), next.limitDays(),
                        next.assignee(), ctx.on, calendar.deadline(ctx.centerId(), ctx.on, next.limitDays()), null, null,
                        null));
            }
            ctx.event(CaseAct.COMPLETE_STEP, data("step", String.valueOf(current.number()), "name", current.name()));
        });
    }

    private static StepProgress completed(StepProgress s, LocalDate on, String actor, String opinion, LocalDate startedOn) {
        return new StepProgress(s.number(), s.name(), s.role(), s.limitDays(), s.assignee() == null ? actor : s.assignee(),
                startedOn == null ? on : startedOn, s.due() == null ? on : s.due(), on, actor, opinion);
    }

    @Override
    public Case pause(String centerId, String number, PauseRequest request) {
        Check check = Check.at("");
        check.present("request", request, "特别程序信息");
        SpecialProcedure procedure = check.present("procedure", request.procedure(), "特别程序");
        String reason = check.text("reason", request.reason(), "理由", 1000).strip();
        return act(centerId, number, CaseAct.PAUSE.label(), request.act(), EnumSet.of(CaseState.ACCEPTED), ctx -> {
            List<SpecialProcedure> allowed = ctx.item().specialProcedures();
            check.rule("procedure", allowed.contains(procedure), "该事项的办事指南未列出特别程序“" + procedure.label() + "”"
                    + (allowed.isEmpty() ? "，不能中止计时" : "（可用：" + String.join("、", allowed.stream()
                            .map(SpecialProcedure::label).toList()) + "）"));
            PauseRecord pause = new PauseRecord(procedure, reason, ctx.on, null, 0);
            ctx.p.pauses.add(pause);
            ctx.state = CaseState.PAUSED;
            ctx.eventWithDocument(CaseAct.PAUSE, Map.of("procedure", procedure.name()),
                    d -> documents.specialProcedure(d, pause));
        });
    }

    @Override
    public Case resume(String centerId, String number, ActDetails details) {
        return act(centerId, number, CaseAct.RESUME.label(), details, EnumSet.of(CaseState.PAUSED), ctx -> {
            PauseRecord running = ctx.p.runningPause();
            int days = clocks.pausedDays(ctx.centerId(), running.from(), ctx.on);
            ProgressEdit.replaceLast(ctx.p.pauses, new PauseRecord(running.procedure(), running.reason(), running.from(),
                    ctx.on, days));
            StepProgress step = ctx.p.currentStep();
            if (step != null && step.due() != null && days > 0) {
                ctx.p.steps.set(step.number() - 1, new StepProgress(step.number(), step.name(), step.role(),
                        step.limitDays(), step.assignee(), step.startedOn(),
                        calendar.deadline(ctx.centerId(), step.due(), days), null, null, null));
            }
            ctx.state = CaseState.ACCEPTED;
            ctx.deadline = clocks.deadline(ctx.centerId(), ctx.acceptedOn, ctx.item().promisedLimitDays(), ctx.p.build());
            ctx.event(CaseAct.RESUME, data("procedure", running.procedure().name(), "pausedDays", String.valueOf(days),
                    "deadline", ctx.deadline.toString()));
        });
    }

    @Override
    public Case requestExtension(String centerId, String number, ExtensionRequest request) {
        Check check = Check.at("");
        check.present("request", request, "延期申请");
        check.range("days", request.days(), 1, 60, "延期天数");
        String reason = check.text("reason", request.reason(), "延期理由", 1000).strip();
        return act(centerId, number, CaseAct.REQUEST_EXTENSION.label(), request.act(), RUNNING, ctx -> {
            Extension pending = ctx.p.pendingExtension();
            if (pending != null) {
                throw OneStopException.state("已有一项待批准的延期申请（" + pending.days() + "个工作日，" + pending.requestedOn()
                        + "提出），请先批准或不予批准");
            }
            checkExtensionLimit(ctx, request.days(), check);
            ctx.p.extensions.add(new Extension(request.days(), reason, ctx.actor, ctx.on, ExtensionStatus.REQUESTED, null,
                    null, null));
            ctx.event(CaseAct.REQUEST_EXTENSION, Map.of("days", String.valueOf(request.days())));
        });
    }

    /** The promised limit with every extension can never pass the legal limit (plus 10 days for a licence). */
    private static void checkExtensionLimit(ActContext ctx, int days, Check check) {
        Item item = ctx.item();
        boolean license = item.kind() == ItemKind.ADMINISTRATIVE_LICENSE;
        int ceiling = item.legalLimitDays() + (license ? LICENSE_EXTENSION_DAYS : 0);
        int total = item.promisedLimitDays() + CaseClocks.extensionDays(ctx.p.build()) + days;
        if (total > ceiling) {
            throw check.invalid("days", "延期后时限为" + total + "个工作日，超过上限" + ceiling + "个工作日（法定时限"
                    + item.legalLimitDays() + "个工作日" + (license ? "，加《中华人民共和国行政许可法》第四十二条允许延长的"
                    + LICENSE_EXTENSION_DAYS + "个工作日" : "") + "）；最多还能延期" + Math.max(0, ceiling - total + days)
                    + "个工作日");
        }
    }

    @Override
    public Case decideExtension(String centerId, String number, ExtensionDecision decision) {
        Check check = Check.at("");
        check.present("request", decision, "延期审批");
        // Approved only while the clock runs: during a special procedure the deadline is not yet known, and
        // the notice must not state a date the procedure will move.
        return act(centerId, number, "延期审批", decision.act(), EnumSet.of(CaseState.ACCEPTED), ctx -> {
            Extension pending = ctx.p.pendingExtension();
            if (pending == null) {
                throw OneStopException.state("没有待批准的延期申请");
            }
            if (pending.requestedBy().equals(ctx.actor)) {
                throw OneStopException.forbidden("延期须由申请人以外的负责人批准，" + ctx.actor + "不能批准自己的申请");
            }
            if (decision.approved()) {
                ctx.p.extensions.remove(ctx.p.extensions.size() - 1);
                checkExtensionLimit(ctx, pending.days(), check);
            }
            Extension decided = new Extension(pending.days(), pending.reason(), pending.requestedBy(), pending.requestedOn(),
                    decision.approved() ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED, ctx.actor, ctx.on,
                    ctx.details.note());
            if (decision.approved()) {
                ctx.p.extensions.add(decided);
                ctx.deadline = clocks.deadline(ctx.centerId(), ctx.acceptedOn, ctx.item().promisedLimitDays(), ctx.p.build());
                ctx.eventWithDocument(CaseAct.APPROVE_EXTENSION, data("days", String.valueOf(pending.days()), "deadline",
                        ctx.deadline.toString()), d -> documents.extension(d, decided));
            } else {
                ProgressEdit.replaceLast(ctx.p.extensions, decided);
                ctx.event(CaseAct.REJECT_EXTENSION, Map.of("days", String.valueOf(pending.days())));
            }
        });
    }

    // --- joint cases -----------------------------------------------------------------------------------

    @Override
    public Case answerJoint(String centerId, String number, JointAnswer answer) {
        Check check = Check.at("");
        check.present("request", answer, "会办意见");
        String department = check.text("departmentId", answer.departmentId(), "会办部门", 40).strip();
        String opinion = opinion(check, answer.consent(), answer.opinion(), "opinion");
        return act(centerId, number, CaseAct.JOINT_ANSWER.label(), answer.act(), RUNNING, ctx -> {
            int index = partIndex(ctx, department, "departmentId");
            SubCase part = ctx.p.subCases.get(index);
            if (part.state() != SubCaseState.PENDING) {
                throw OneStopException.state("部门“" + department + "”的意见已于" + part.answeredOn() + "记录为“"
                        + part.state().label() + "”（" + part.rule().label() + "），不能再次答复");
            }
            ctx.p.subCases.set(index, answered(part, answer.consent(), ConsentRule.ANSWERED, ctx.actor, ctx.on, opinion));
            ctx.event(CaseAct.JOINT_ANSWER, data("department", department, "answer",
                    ctx.p.subCases.get(index).state().name(), "rule", ConsentRule.ANSWERED.name()));
        });
    }

    @Override
    public Case recordJointMeeting(String centerId, String number, JointMeetingRequest request) {
        Check check = Check.at("");
        check.present("request", request, "联审会记录");
        List<String> attended = new ArrayList<>();
        List<String> opinions = new ArrayList<>();
        for (int i = 0; i < request.attended().size(); i++) {
            JointOpinion o = check.present("attended[" + i + "]", request.attended().get(i), "参会部门");
            Check oc = check.nested("attended[" + i + "]");
            attended.add(oc.text("departmentId", o.departmentId(), "参会部门", 40).strip());
            opinions.add(opinion(oc, o.consent(), o.opinion(), "opinion"));
        }
        check.unique("attended", attended, "参会部门");
        return act(centerId, number, CaseAct.JOINT_MEETING.label(), request.act(), RUNNING, ctx -> {
            if (ctx.p.subCases.isEmpty()) {
                throw OneStopException.state("只有联办件可以召开联审会");
            }
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < attended.size(); i++) {
                indexes.add(partIndex(ctx, attended.get(i), "attended[" + i + "].departmentId"));
            }
            List<String> absent = new ArrayList<>();
            List<String> defaulted = new ArrayList<>();
            for (int i = 0; i < ctx.p.subCases.size(); i++) {
                SubCase part = ctx.p.subCases.get(i);
                int at = indexes.indexOf(i);
                if (at < 0) {
                    absent.add(part.departmentId());
                }
                if (part.state() != SubCaseState.PENDING) {
                    continue;
                }
                if (at >= 0) {
                    ctx.p.subCases.set(i, answered(part, request.attended().get(at).consent(), ConsentRule.ANSWERED,
                            ctx.actor, ctx.on, opinions.get(at)));
                } else {
                    defaulted.add(part.departmentId());
                    ctx.p.subCases.set(i, answered(part, true, ConsentRule.ABSENCE_DEFAULT, SYSTEM, ctx.on,
                            "缺席联审会，视为同意（缺席默认）"));
                }
            }
            ctx.p.meetings.add(new JointMeeting(ctx.on, attended, absent, ctx.actor));
            Map<String, String> data = data("attended", String.join(",", attended), "absent", String.join(",", absent));
            if (!defaulted.isEmpty()) {
                data.put("defaulted", String.join(",", defaulted));
                data.put("rule", ConsentRule.ABSENCE_DEFAULT.name());
            }
            ctx.event(CaseAct.JOINT_MEETING, data);
        });
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public List<Case> applyJointTimeouts(String centerId, LocalDate asOf) {
        Check.at("").present("asOf", asOf, "日期");
        List<String> due = store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return s.casesWithJointPartDueBefore(centerId, asOf);
        });
        List<Case> changed = new ArrayList<>();
        for (String number : due) {
            timeout(centerId, number, asOf).ifPresent(changed::add);
        }
        return changed;
    }

    /**
     * Takes the case's overdue parts to consent. A human answer may land at the same moment: the revision
     * guard lets one write win, and a retry reads what the other wrote, so a part is never answered twice.
     */
    private Optional<Case> timeout(String centerId, String number, LocalDate asOf) {
        for (int attempt = 1; attempt <= TIMER_ATTEMPTS; attempt++) {
            try {
                int[] defaulted = new int[1];
                Case c = act(centerId, number, CaseAct.JOINT_TIMEOUT.label(), new ActDetails(SYSTEM, null, "超时默认", asOf),
                        RUNNING, ctx -> {
                    List<String> departments = new ArrayList<>();
                    for (int i = 0; i < ctx.p.subCases.size(); i++) {
                        SubCase part = ctx.p.subCases.get(i);
                        if (part.state() == SubCaseState.PENDING && part.deadline().isBefore(ctx.on)) {
                            departments.add(part.departmentId());
                            ctx.p.subCases.set(i, answered(part, true, ConsentRule.TIMEOUT_DEFAULT, SYSTEM, ctx.on,
                                    "逾期未答复，视为同意（超时默认）"));
                        }
                    }
                    if (!departments.isEmpty()) {
                        defaulted[0] = departments.size();
                        ctx.event(CaseAct.JOINT_TIMEOUT, data("departments", String.join(",", departments), "rule",
                                ConsentRule.TIMEOUT_DEFAULT.name()));
                    }
                });
                return defaulted[0] == 0 ? Optional.empty() : Optional.of(c);
            } catch (OneStopException e) {
                if (e.code() != ErrorCode.CONFLICT) {
                    // Ended, decided or acted on later than asOf: nothing for the timer to do.
                    LOGGER.debug("Joint timeout skipped for {}: {}", number, e.getMessage());
                    return Optional.empty();
                }
            }
        }
        LOGGER.warn("Joint timeout for case {} lost {} races in a row; the next run will take it", number, TIMER_ATTEMPTS);
        return Optional.empty();
    }

    private static int partIndex(ActContext ctx, String department, String field) {
        for (int i = 0; i < ctx.p.subCases.size(); i++) {
            if (ctx.p.subCases.get(i).departmentId().equals(department)) {
                return i;
            }
        }
        throw OneStopException.notFound(field, "部门“" + department + "”不是该办件的会办部门"
                + (ctx.p.subCases.isEmpty() ? "（该办件不是联办件）" : ""));
    }

    private static SubCase answered(SubCase part, boolean consent, ConsentRule rule, String by, LocalDate on,
            String opinion) {
        return new SubCase(part.number(), part.departmentId(), part.limitDays(), part.startedOn(), part.deadline(),
                consent ? SubCaseState.CONSENTED : SubCaseState.OBJECTED, rule, by, on, opinion);
    }

    private static String opinion(Check check, boolean consent, String opinion, String field) {
        String text = check.optionalText(field, opinion, "意见", 2000);
        check.rule(field, consent || (text != null && !text.isBlank()), "不同意时须写明意见");
        return text == null || text.isBlank() ? null : text.strip();
    }

    // --- reported items ----------------------------------------------------------------------------------

    @Override
    public Case report(String centerId, String number, ReportRequest request) {
        Check check = Check.at("");
        check.present("request", request, "上报信息");
        String reference = check.optionalText("reference", request.reference(), "上级受理编号", 100);
        return act(centerId, number, CaseAct.REPORT.label(), request.act(), EnumSet.of(CaseState.ACCEPTED), ctx -> {
            if (ctx.item().handlingType() != HandlingType.REPORTED) {
                throw OneStopException.state("事项“" + ctx.item().name() + "”是" + ctx.item().handlingType().label()
                        + "，只有上报件可以上报");
            }
            String parentId = ctx.center.parentId();
            Center parent = parentId == null ? null : ctx.s.center(parentId).orElse(null);
            if (parent == null) {
                throw OneStopException.state("“" + ctx.center.name() + "”没有登记上级中心，无法上报");
            }
            ctx.p.report = new Report(parent.id(), parent.name(), ctx.on, blankToNull(reference), "已上报", ctx.on);
            ctx.state = CaseState.REPORTED;
            ctx.event(CaseAct.REPORT, Map.of("toCenter", parent.id()));
        });
    }

    @Override
    public Case updateReport(String centerId, String number, ReportUpdate update) {
        Check check = Check.at("");
        check.present("request", update, "上级办理进度");
        String status = check.text("status", update.status(), "办理进度", 200).strip();
        String reference = check.optionalText("reference", update.reference(), "上级受理编号", 100);
        return act(centerId, number, CaseAct.REPORT_UPDATE.label(), update.act(), EnumSet.of(CaseState.REPORTED), ctx -> {
            Report r = ctx.p.report;
            ctx.p.report = new Report(r.toCenterId(), r.toCenterName(), r.reportedOn(),
                    blankToNull(reference) == null ? r.reference() : reference.strip(), status, ctx.on);
            ctx.event(CaseAct.REPORT_UPDATE, Map.of("status", status));
        });
    }

    // --- decision, delivery, conclusion, withdrawal ---------------------------------------------------

    @Override
    public Case decide(String centerId, String number, DecisionRequest request) {
        DecisionRequest decision = decision(request);
        return act(centerId, number, "审批决定", request.act(), EnumSet.of(CaseState.ACCEPTED, CaseState.REPORTED), ctx -> {
            HandlingType type = ctx.item().handlingType();
            if (type == HandlingType.REPORTED && ctx.state != CaseState.REPORTED) {
                throw OneStopException.state("上报件须先上报上级中心，由上级决定");
            }
            if (type == HandlingType.REPORTED) {
                // The higher level went through the steps after the report; its decision closes them here.
                for (int i = 0; i < ctx.p.steps.size() - 1; i++) {
                    StepProgress s = ctx.p.steps.get(i);
                    if (!s.completed()) {
                        ctx.p.steps.set(i, completed(s, ctx.on, ctx.actor, "由" + ctx.p.report.toCenterName() + "办理",
                                s.startedOn()));
                    }
                }
            }
            if (type == HandlingType.PROMISED || type == HandlingType.JOINT) {
                StepProgress open = ctx.p.currentStep();
                if (open != null && open.number() < ctx.p.steps.size()) {
                    throw OneStopException.state("还有未完成的环节：第" + open.number() + "步“" + open.name() + "”");
                }
            }
            if (decision.decision() == Decision.APPROVED) {
                for (SubCase part : ctx.p.subCases) {
                    if (part.state() == SubCaseState.PENDING) {
                        throw OneStopException.state("会办部门“" + part.departmentId() + "”尚未答复（答复期限" + part.deadline() + "）");
                    }
                    if (part.state() == SubCaseState.OBJECTED) {
                        throw OneStopException.state("会办部门“" + part.departmentId() + "”不同意，不能准予许可");
                    }
                }
            }
            decide(ctx, decision);
        });
    }

    private void decide(ActContext ctx, DecisionRequest decision) {
        ctx.p.decision = decision.decision();
        ctx.state = CaseState.DECIDED;
        ctx.eventWithDocument(decision.decision() == Decision.APPROVED ? CaseAct.APPROVE : CaseAct.DENY,
                Map.of("decision", decision.decision().name()), d -> documents.decision(d, decision));
    }

    private static DecisionRequest decision(DecisionRequest request) {
        Check check = Check.at("");
        check.present("request", request, "审批决定");
        Decision decision = check.present("decision", request.decision(), "审批决定");
        boolean denied = decision == Decision.DENIED;
        String reason = denied ? check.text("reason", request.reason(), "不予许可理由", 2000)
                : check.optionalText("reason", request.reason(), "理由", 2000);
        String basis = denied ? check.text("legalBasis", request.legalBasis(), "法律依据", 300)
                : check.optionalText("legalBasis", request.legalBasis(), "法律依据", 300);
        String result = check.optionalText("result", request.result(), "审批结果", 200);
        return new DecisionRequest(decision, blankToNull(reason), blankToNull(basis), blankToNull(result), request.act());
    }

    @Override
    public Case deliver(String centerId, String number, DeliveryRequest request) {
        Check check = Check.at("");
        check.present("request", request, "送达信息");
        DeliveryMethod method = check.present("method", request.method(), "送达方式");
        String recipient = check.optionalText("recipient", request.recipient(), "受送达人", 100);
        String tracking = method == DeliveryMethod.MAIL ? check.text("trackingNumber", request.trackingNumber(), "邮件单号", 60)
                : check.optionalText("trackingNumber", request.trackingNumber(), "邮件单号", 60);
        String address = method == DeliveryMethod.WINDOW ? check.optionalText("address", request.address(), "送达地址", 300)
                : check.text("address", request.address(), "送达地址", 300);
        return act(centerId, number, CaseAct.DELIVER.label(), request.act(), EnumSet.of(CaseState.DECIDED), ctx -> {
            String to = blankToNull(recipient) == null ? ctx.current.applicant().name() : recipient.strip();
            StepProgress last = ctx.p.steps.isEmpty() ? null : ProgressEdit.last(ctx.p.steps);
            if (last != null && !last.completed()) {
                ctx.p.steps.set(last.number() - 1, completed(last, ctx.on, ctx.actor, null, last.startedOn()));
            }
            deliver(ctx, new Delivery(method, to, method == DeliveryMethod.MAIL ? tracking.strip() : null,
                    method == DeliveryMethod.WINDOW ? null : address.strip(), ctx.on), method == DeliveryMethod.WINDOW);
        });
    }

    private void deliver(ActContext ctx, Delivery delivery, boolean visit) {
        ctx.p.delivery = delivery;
        ctx.state = CaseState.DELIVERED;
        ctx.eventWithDocument(CaseAct.DELIVER, Map.of("method", delivery.method().name()),
                d -> documents.delivery(d, delivery));
        if (visit) {
            ctx.visit();
        }
    }

    @Override
    public Case conclude(String centerId, String number, ActDetails details) {
        return act(centerId, number, CaseAct.CONCLUDE.label(), details, EnumSet.of(CaseState.DELIVERED),
                CaseServiceImpl::conclude);
    }

    private static void conclude(ActContext ctx) {
        ctx.end(CaseState.CONCLUDED);
        ctx.event(CaseAct.CONCLUDE, Map.of());
    }

    @Override
    public Case withdraw(String centerId, String number, WithdrawRequest request) {
        Check check = Check.at("");
        check.present("request", request, "退回信息");
        String reason = check.text("reason", request.reason(), "退回原因", 1000).strip();
        return act(centerId, number, CaseAct.WITHDRAW.label(), request.act(), UNDECIDED, ctx -> {
            PauseRecord running = ctx.p.runningPause();
            if (running != null) {
                ProgressEdit.replaceLast(ctx.p.pauses, new PauseRecord(running.procedure(), running.reason(),
                        running.from(), ctx.on, clocks.pausedDays(ctx.centerId(), running.from(), ctx.on)));
            }
            ctx.end(CaseState.WITHDRAWN);
            ctx.eventWithDocument(CaseAct.WITHDRAW, Map.of(), d -> documents.withdrawal(d, reason));
        });
    }

    @Override
    public Case recordVisit(String centerId, String number, ActDetails details) {
        return act(centerId, number, CaseAct.VISIT.label(), details, OPEN, ctx -> {
            ctx.event(CaseAct.VISIT, Map.of("visits", String.valueOf(ctx.p.visits + 1)));
            ctx.visit();
        });
    }

    // --- the act machinery -----------------------------------------------------------------------------

    /** One act in its transaction: what it read, and what it changes. */
    private final class ActContext {
        final StoreSession s;
        final Center center;
        final Case current;
        final LocalDate on;
        final ActDetails details;
        final String actor;
        final ProgressEdit p;
        final List<CaseEvent> events = new ArrayList<>();
        final List<Function<Case, CaseDocument>> issued = new ArrayList<>();
        CaseState state;
        LocalDate acceptedOn;
        LocalDate deadline;
        LocalDate concludedOn;
        List<SubmittedMaterial> materials;
        OneStopException refuseAfterCommit;
        private Item item;
        private Department department;

        ActContext(StoreSession s, Center center, Case current, LocalDate on, ActDetails details) {
            this.s = s;
            this.center = center;
            this.current = current;
            this.on = on;
            this.details = details;
            this.actor = details.actor().strip();
            this.p = new ProgressEdit(current.progress());
            this.state = current.state();
            this.acceptedOn = current.acceptedOn();
            this.deadline = current.deadline();
            this.concludedOn = current.concludedOn();
            this.materials = current.materials();
        }

        String centerId() {
            return center.id();
        }

        Item item() {
            if (item == null) {
                item = CaseServiceImpl.this.item(s, current);
            }
            return item;
        }

        CaseEvent event(CaseAct act, Map<String, String> data) {
            CaseEvent e = new CaseEvent(current.timeline().size() + events.size() + 1, act, on, Instant.now(clock), actor,
                    details.window(), details.note(), data);
            events.add(e);
            return e;
        }

        /** An event whose act issues a document, numbered after the event: {@code <case>-D<event sequence>}. */
        void eventWithDocument(CaseAct act, Map<String, String> data, Function<DocumentContext, CaseDocument> maker) {
            int sequence = current.timeline().size() + events.size() + 1;
            Map<String, String> withDocument = new LinkedHashMap<>(data);
            withDocument.put("document", current.number() + "-D" + sequence);
            CaseEvent e = event(act, withDocument);
            issued.add(written -> maker.apply(new DocumentContext(center, department(), item(), written, e, sequence)));
        }

        private Department department() {
            if (department == null) {
                department = catalog.department(s, center.id(), current.departmentId()).orElseThrow();
            }
            return department;
        }

        /** The case ends today in {@code ended}: concluded, refused or withdrawn; its clock stops. */
        void end(CaseState ended) {
            state = ended;
            concludedOn = on;
        }

        /** The applicant came to a window; a case complete at intake must not need a third visit (两次终结制). */
        void visit() {
            p.visits++;
            if (p.completeAtIntake && p.visits > 2) {
                p.breaches.add(new Breach(BreachRule.TWO_VISITS, on, actor, "办件受理时材料齐全，申请人第" + p.visits + "次到窗口"));
                event(CaseAct.BREACH, Map.of("rule", BreachRule.TWO_VISITS.name(), "visits", String.valueOf(p.visits)));
            }
        }

        Case build() {
            List<CaseEvent> timeline = new ArrayList<>(current.timeline());
            timeline.addAll(events);
            return new Case(current.centerId(), current.number(), current.queryCode(), current.itemCode(),
                    current.itemVersion(), current.itemName(), current.departmentId(), current.applicant(),
                    current.channel(), materials, state, current.receivedOn(), acceptedOn, deadline, concludedOn,
                    current.revision() + 1, p.build(), timeline);
        }
    }

    @FunctionalInterface
    private interface ActBody {
        void apply(ActContext ctx);
    }

    private Case act(String centerId, String number, String what, ActDetails details, Set<CaseState> allowed,
            ActBody body) {
        Check check = Check.at("");
        ActDetails a = act(details, check);
        LocalDate on = dayOf(a, today(), check);
        try {
            return act(centerId, number, what, a, on, allowed, body, check, true);
        } catch (StaleCase e) {
            return act(centerId, number, what, a, on, allowed, body, check, false);
        }
    }

    /**
     * One attempt at an act. Starting from the recently written copy of the case saves reading it; if that copy
     * turns out stale (the revision guard fails) or the act is refused on it, the attempt is abandoned and the
     * act starts over from the database, so no answer ever rests on the copy alone.
     */
    private Case act(String centerId, String number, String what, ActDetails a, LocalDate on, Set<CaseState> allowed,
            ActBody body, Check check, boolean fromRecent) {
        ActContext[] done = new ActContext[1];
        Case written = store.inTransaction(s -> {
            Center center = catalog.center(s, centerId);
            Case recentCopy = fromRecent && number != null ? recent.get(centerId, number) : null;
            Case current = recentCopy != null ? recentCopy : requireCase(s, centerId, number);
            try {
                if (!allowed.contains(current.state())) {
                    throw OneStopException.state("办件当前状态为“" + current.state().label() + "”，" + what + "需要状态"
                            + String.join("或", allowed.stream().map(st -> "“" + st.label() + "”").toList()));
                }
                checkWindow(s, centerId, current.departmentId(), a.window(), check);
                LocalDate previous = current.timeline().get(current.timeline().size() - 1).on();
                if (on.isBefore(previous)) {
                    throw check.invalid("on", "办理日期不能早于上一次办理（" + previous + "）");
                }
                ActContext ctx = new ActContext(s, center, current, on, a);
                body.apply(ctx);
                if (ctx.events.isEmpty()) {
                    return current;
                }
                Case next = ctx.build();
                if (!s.updateCase(centerId, next, current.revision(), ctx.events)) {
                    throw OneStopException.conflict("number", "办件“" + number + "”刚被他人办理，请刷新后重试");
                }
                if (current.progress().subCases().isEmpty() && !next.progress().subCases().isEmpty()) {
                    s.insertCaseParts(centerId, number, next.progress().subCases().stream().map(SubCase::departmentId)
                            .toList());
                }
                if (next.materials() != current.materials()) {
                    s.updateCaseMaterials(centerId, number, next.materials());
                }
                for (Function<Case, CaseDocument> document : ctx.issued) {
                    s.insertDocument(centerId, document.apply(next));
                }
                done[0] = ctx;
                return next;
            } catch (OneStopException e) {
                if (recentCopy != null) {
                    throw new StaleCase();
                }
                throw e;
            }
        });
        if (done[0] != null) {
            recent.put(written);
            publish(written, done[0].events);
            if (done[0].refuseAfterCommit != null) {
                throw done[0].refuseAfterCommit;
            }
        }
        return written;
    }

    /** The recent copy of a case did not hold; the act starts over from the database. */
    private static final class StaleCase extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleCase() {
            super(null, null, false, false);
        }
    }

    private static Case requireCase(StoreSession s, String centerId, String number) {
        return (number == null ? Optional.<Case>empty() : s.findCase(centerId, number)).orElseThrow(
                () -> OneStopException.notFound("number", "办件“" + number + "”不存在"));
    }

    /** A window named for an act must be one of the department's counters (when it has any listed). */
    private void checkWindow(StoreSession s, String centerId, String departmentId, String window, Check check) {
        if (window == null || window.isBlank()) {
            return;
        }
        List<String> windows = catalog.department(s, centerId, departmentId).map(d -> d.windows().stream()
                .map(org.onestop.api.catalog.Window::code).toList()).orElse(List.of());
        if (!windows.isEmpty() && !windows.contains(window.strip())) {
            throw check.invalid("window", "窗口“" + window + "”不是该事项实施部门的窗口（" + String.join("、", windows) + "）");
        }
    }

    private void publish(Case c, List<CaseEvent> events) {
        for (CaseEvent event : events) {
            bus.publish(new CaseEventNotice(c.centerId(), c.number(), c.itemCode(), event, c.state()));
        }
    }

    // --- reads -----------------------------------------------------------------------------------------

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
        Item item = itemVersions.get(key(c));
        if (item == null) {
            item = store.read(s -> item(s, c));
        }
        return clocks.clock(c, item.promisedLimitDays(), asOf);
    }

    @Override
    public CaseClock clock(Case c, SubCase part, LocalDate asOf) {
        return clocks.clock(c.centerId(), part, asOf);
    }

    @Override
    public CaseClock clock(Case c) {
        return clock(c, today());
    }

    /** The case's item version, read once per version. */
    private Item item(StoreSession s, Case c) {
        return itemVersions.computeIfAbsent(key(c), k -> s.itemVersion(c.centerId(), c.itemCode(), c.itemVersion())
                .orElseThrow(() -> new IllegalStateException("item version missing for case " + c.number())));
    }

    private static String key(Case c) {
        return c.centerId() + '\u0000' + c.itemCode() + '\u0000' + c.itemVersion();
    }

    // --- input -----------------------------------------------------------------------------------------

    private static List<SubmittedMaterial> materials(List<SubmittedMaterial> given, Check check, String field) {
        check.rule(field, given.size() <= MAX_MATERIALS, "材料不能超过" + MAX_MATERIALS + "项");
        List<SubmittedMaterial> materials = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            SubmittedMaterial m = check.present(field + "[" + i + "]", given.get(i), "材料");
            Check mc = check.nested(field + "[" + i + "]");
            String name = mc.text("name", m.name(), "材料名称", 200).strip();
            mc.present("form", m.form(), "材料形式");
            mc.range("copies", m.copies(), 1, 99, "份数");
            materials.add(new SubmittedMaterial(name, m.form(), m.copies()));
        }
        check.unique(field, materials.stream().map(SubmittedMaterial::name).toList(), "材料");
        return materials;
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
        return new Applicant(a.type(), name, id, check.optionalPhone("phone", a.phone()));
    }

    private static ActDetails act(ActDetails details, Check a) {
        ActDetails d = details == null ? new ActDetails(null, null, null, null) : details;
        a.text("actor", d.actor(), "经办人", 100);
        a.optionalText("window", d.window(), "窗口", 40);
        a.optionalText("note", d.note(), "备注", 2000);
        return new ActDetails(d.actor().strip(), blankToNull(d.window()) == null ? null : d.window().strip(),
                blankToNull(d.note()), d.on());
    }

    /** The business day of an act: today unless a past day is given for a paper case entered later. */
    private static LocalDate dayOf(ActDetails act, LocalDate today, Check check) {
        LocalDate on = act.on() == null ? today : act.on();
        if (on.isAfter(today)) {
            throw check.invalid("on", "办理日期不能晚于今天（" + today + "）");
        }
        return on;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** An ordered, changeable map of event data. */
    private static Map<String, String> data(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
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
