package org.onestop.core.internal.inquiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseState;
import org.onestop.api.cases.Channel;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.Window;
import org.onestop.api.id.CreditCode;
import org.onestop.api.inquiry.HandOver;
import org.onestop.api.inquiry.Inquiry;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.inquiry.InquiryStep;
import org.onestop.api.inquiry.InquiryStepKind;
import org.onestop.api.inquiry.NewInquiry;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.PersonRecord;
import org.onestop.store.StoreSession;
import org.onestop.store.Stores;

/** First-inquiry records (首问负责制) on a real embedded Derby: ownership, hand-over, closing and races. */
class InquiryServiceTest {

    static final String HANSHAN = "hanshan";
    static final String MAANSHAN = "maanshan";
    static final String ITEM = "T-SCJG-001";
    static final String CASE = "340522-20261001-0001";
    /** 01:30 on 1 October in Shanghai, still 30 September in UTC: the number must use the clock's zone. */
    static final Instant NOW = Instant.parse("2026-09-30T17:30:00Z");

    @TempDir
    Path dir;

    EmbeddedStore store;
    InquiryServiceImpl service;

    @BeforeEach
    void open() {
        store = Stores.embeddedDerby(dir.resolve("derby"));
        store.inTransaction(s -> {
            s.saveCenter(new Center(MAANSHAN, "马鞍山市政务服务中心", CenterLevel.CITY, "340500", null, null, null));
            s.saveCenter(new Center(HANSHAN, "含山县政务服务中心", CenterLevel.COUNTY, "340522", MAANSHAN, null, null));
            s.saveDepartment(HANSHAN, department("market", "11340522MB0000001", "A01", "A02"));
            s.saveDepartment(HANSHAN, department("tax", "11340522MB0000002", "B01"));
            s.saveDepartment(MAANSHAN, department("market", "11340500MB0000001", "C01"));
            s.insertItemVersion(HANSHAN, item(ITEM));
            s.insertItemVersion(MAANSHAN, item("M-SCJG-001"));
            s.insertCase(HANSHAN, aCase());
            // The clerks who hand inquiries to each other; people of other roles, centers and states for refusals.
            for (String clerk : List.of("张三", "李四", "王五")) {
                person(s, clerk, true, new RoleGrant(Role.CLERK, HANSHAN, "market", null));
            }
            person(s, "审核员", true, new RoleGrant(Role.REVIEWER, HANSHAN, "market", null));
            person(s, "市窗口", true, new RoleGrant(Role.CLERK, MAANSHAN, "market", null));
            person(s, "离职者", false, new RoleGrant(Role.CLERK, HANSHAN, "tax", null));
            return null;
        });
        service = new InquiryServiceImpl(store, Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static void person(StoreSession s, String account, boolean enabled, RoleGrant grant) {
        s.insertPerson(new PersonRecord(account, account, "-", enabled, 0, null, NOW));
        s.insertGrant(account, grant);
    }

    static Department department(String id, String first17, String... windows) {
        return new Department(id, "部门" + id, first17 + CreditCode.checkCharacter(first17),
                java.util.Arrays.stream(windows).map(w -> new Window(w, "窗口" + w)).toList(), null);
    }

    static Item item(String code) {
        return new Item(code, 1, LocalDate.of(2025, 1, 1), "食品经营许可", ItemKind.ADMINISTRATIVE_LICENSE, "market",
                List.of(), HandlingType.PROMISED, 20, 5, List.of(), List.of(), List.of(), List.of(), List.of(),
                "食品经营许可证", "一楼A01窗口", null, null);
    }

    static Case aCase() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        String code = "91340522MA0000001";
        CaseEvent received = new CaseEvent(1, CaseAct.RECEIVE, day, NOW, "张三", "A01", null, null);
        return new Case(HANSHAN, CASE, "ABCDEFGH", ITEM, 1, "食品经营许可", "market",
                new Applicant(ApplicantType.ORGANIZATION, "含山某食品店", code + CreditCode.checkCharacter(code), null),
                Channel.WINDOW, List.of(), CaseState.RECEIVED, day, null, null, null, 1, null, List.of(received));
    }

    static NewInquiry asked(String clerk) {
        return new NewInquiry("开办食品店需要什么材料", "李女士", "0555-1234567", ITEM, clerk, "A01");
    }

    static OneStopException refused(ErrorCode code, Executable act) {
        OneStopException e = assertThrows(OneStopException.class, act);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    static OneStopException invalid(String field, Executable act) {
        OneStopException e = refused(ErrorCode.INVALID, act);
        assertEquals(field, e.field());
        return e;
    }

    Inquiry stored(String id) {
        return service.find(HANSHAN, id).orElseThrow();
    }

    @Test
    void openHandOverAndCloseKeepTheWholeHistory() {
        Inquiry opened = service.open(HANSHAN, asked(" 张三 "));
        assertEquals("SW-340522-20261001-0001", opened.id());
        assertEquals("SW-340522-20261001-0002", service.open(HANSHAN, asked("张三")).id());
        assertEquals("张三", opened.firstClerk());
        assertEquals("张三", opened.owner());
        assertEquals("A01", opened.window());
        assertEquals(InquiryState.OPEN, opened.state());
        assertEquals(NOW, opened.openedAt());
        assertEquals(List.of(new InquiryStep(1, InquiryStepKind.OPENED, NOW, "张三", "张三", "A01", null)),
                opened.history());
        assertEquals(opened, stored(opened.id()));

        // The tax department's window: a hand-over may cross departments, that is its point.
        Inquiry handed = service.handOver(HANSHAN, opened.id(), new HandOver("张三", "李四", "B01", "涉及税务登记"));
        assertEquals("李四", handed.owner());
        assertEquals("B01", handed.window());
        assertEquals("张三", handed.firstClerk());
        assertEquals(InquiryState.OPEN, handed.state());

        Inquiry closed = service.close(HANSHAN, opened.id(), "李四", "已告知所需材料，当场收件", CASE);
        assertEquals(InquiryState.CLOSED, closed.state());
        assertEquals(CASE, closed.caseNumber());
        assertEquals("李四", closed.owner());
        assertEquals(List.of(
                new InquiryStep(1, InquiryStepKind.OPENED, NOW, "张三", "张三", "A01", null),
                new InquiryStep(2, InquiryStepKind.HANDED_OVER, NOW, "张三", "李四", "B01", "涉及税务登记"),
                new InquiryStep(3, InquiryStepKind.CLOSED, NOW, "李四", "李四", "B01", "已告知所需材料，当场收件")),
                closed.history());
        assertEquals(closed, stored(opened.id()));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Inquiry q = service.open(HANSHAN, new NewInquiry("办事大厅几点开门", "王先生", " ", null, "张三", null));
        assertNull(q.phone());
        assertNull(q.itemCode());
        assertNull(q.window());
        Inquiry handed = service.handOver(HANSHAN, q.id(), new HandOver("张三", "李四", null, null));
        assertNull(handed.window());
        Inquiry closed = service.close(HANSHAN, q.id(), "李四", "周一至周五 8:30 开门", null);
        assertNull(closed.caseNumber());
        assertEquals(closed, stored(q.id()));
    }

    @Test
    void onlyTheOwnerMayHandOverOrCloseAndARefusalWritesNothing() {
        Inquiry q = service.open(HANSHAN, asked("张三"));
        OneStopException e = refused(ErrorCode.FORBIDDEN,
                () -> service.handOver(HANSHAN, q.id(), new HandOver("王五", "李四", "B01", null)));
        assertTrue(e.getMessage().contains("张三"), e.getMessage());
        refused(ErrorCode.FORBIDDEN, () -> service.close(HANSHAN, q.id(), "王五", "答复", null));
        assertEquals(q, stored(q.id()));

        // Once handed on, the first clerk is no longer the owner either.
        service.handOver(HANSHAN, q.id(), new HandOver("张三", "李四", null, null));
        e = refused(ErrorCode.FORBIDDEN, () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", "王五", null, null)));
        assertTrue(e.getMessage().contains("李四"), e.getMessage());
        assertEquals(2, stored(q.id()).history().size());
    }

    @Test
    void anInquiryGoesOnlyToSomeoneWhoMayTakeItHere() {
        Inquiry q = service.open(HANSHAN, asked("张三"));
        // Unknown, disabled, without first-inquiry rights, of another center: each would strand it.
        for (String nobody : List.of("李思", "离职者", "审核员", "市窗口")) {
            OneStopException e = invalid("to",
                    () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", nobody, null, null)));
            assertTrue(e.getMessage().contains(nobody), e.getMessage());
        }
        assertEquals(q, stored(q.id()), "nothing written");
        // Whoever is not the owner hears that first, whatever the name they give.
        refused(ErrorCode.FORBIDDEN, () -> service.handOver(HANSHAN, q.id(), new HandOver("王五", "李思", null, null)));
        assertEquals("王五", service.handOver(HANSHAN, q.id(), new HandOver("张三", "王五", null, null)).owner());
    }

    @Test
    void aClosedInquiryCannotBeHandedOverOrClosedAgain() {
        Inquiry q = service.open(HANSHAN, asked("张三"));
        service.close(HANSHAN, q.id(), "张三", "已当场答复", null);
        refused(ErrorCode.STATE, () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", "李四", null, null)));
        refused(ErrorCode.STATE, () -> service.close(HANSHAN, q.id(), "张三", "再答复一次", null));
        Inquiry after = stored(q.id());
        assertEquals(InquiryState.CLOSED, after.state());
        assertEquals(2, after.history().size());
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() {
        String longSubject = "问".repeat(1001);
        invalid("inquiry", () -> service.open(HANSHAN, null));
        invalid("subject", () -> service.open(HANSHAN, new NewInquiry(" ", "李女士", null, null, "张三", null)));
        invalid("subject", () -> service.open(HANSHAN, new NewInquiry(longSubject, "李女士", null, null, "张三", null)));
        invalid("inquirer", () -> service.open(HANSHAN, new NewInquiry("问题", null, null, null, "张三", null)));
        invalid("inquirer", () -> service.open(HANSHAN, new NewInquiry("问题", "李".repeat(101), null, null, "张三", null)));
        invalid("phone", () -> service.open(HANSHAN, new NewInquiry("问题", "李女士", "打我手机", null, "张三", null)));
        invalid("clerk", () -> service.open(HANSHAN, new NewInquiry("问题", "李女士", null, null, "", null)));
        invalid("clerk", () -> service.open(HANSHAN, new NewInquiry("问题", "李女士", null, null, "张".repeat(101), null)));
        invalid("window", () -> service.open(HANSHAN, new NewInquiry("问题", "李女士", null, null, "张三", "Z99")));
        // Another center's window and item are not this center's.
        invalid("window", () -> service.open(HANSHAN, new NewInquiry("问题", "李女士", null, null, "张三", "C01")));
        assertEquals("itemCode", refused(ErrorCode.NOT_FOUND,
                () -> service.open(HANSHAN, new NewInquiry("问题", "李女士", null, "M-SCJG-001", "张三", null))).field());
        assertEquals("center", refused(ErrorCode.NOT_FOUND, () -> service.open("nowhere", asked("张三"))).field());
        assertEquals(List.of(), service.inquiries(HANSHAN, null, null, 0));

        // The refused openings took no number.
        Inquiry q = service.open(HANSHAN, asked("张三"));
        assertEquals("SW-340522-20261001-0001", q.id());

        invalid("handOver", () -> service.handOver(HANSHAN, q.id(), null));
        invalid("by", () -> service.handOver(HANSHAN, q.id(), new HandOver(null, "李四", null, null)));
        invalid("to", () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", " ", null, null)));
        invalid("to", () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", "张三", null, null)));
        invalid("toWindow", () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", "李四", "C01", null)));
        invalid("note", () -> service.handOver(HANSHAN, q.id(), new HandOver("张三", "李四", null, "话".repeat(2001))));
        assertEquals("id", refused(ErrorCode.NOT_FOUND,
                () -> service.handOver(HANSHAN, "SW-340522-20261001-0009", new HandOver("张三", "李四", null, null))).field());
        invalid("by", () -> service.close(HANSHAN, q.id(), " ", "答复", null));
        invalid("answer", () -> service.close(HANSHAN, q.id(), "张三", null, null));
        invalid("answer", () -> service.close(HANSHAN, q.id(), "张三", "答".repeat(2001), null));
        assertEquals("caseNumber", refused(ErrorCode.NOT_FOUND,
                () -> service.close(HANSHAN, q.id(), "张三", "答复", "340522-20261001-0099")).field());
        assertEquals(q, stored(q.id()));

        invalid("limit", () -> service.inquiries(HANSHAN, null, null, 501));
        invalid("limit", () -> service.inquiries(HANSHAN, null, null, -1));
        assertEquals(1, service.inquiries(HANSHAN, null, null, 500).size());
    }

    @Test
    void ofTwoHandOversAtOnceExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The window is narrow (a reader between the other writer's row and its step): 5 rounds mostly
            // missed the lost hand-over that 100 catch.
            for (int round = 0; round < 100; round++) {
                String id = service.open(HANSHAN, asked("张三")).id();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Inquiry>> results = new ArrayList<>();
                for (String to : List.of("李四", "王五")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return service.handOver(HANSHAN, id, new HandOver("张三", to, null, "转" + to));
                    }));
                }
                start.countDown();
                List<Inquiry> won = new ArrayList<>();
                List<ErrorCode> lost = new ArrayList<>();
                for (Future<Inquiry> r : results) {
                    try {
                        won.add(r.get(120, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        lost.add(((OneStopException) e.getCause()).code());
                    }
                }
                assertEquals(1, won.size(), "round " + round + ": lost " + lost + ", won "
                        + won.stream().map(w -> w.owner() + w.history().size()).toList() + ", stored " + stored(id).history());
                assertEquals(1, lost.size());
                assertTrue(Set.of(ErrorCode.CONFLICT, ErrorCode.FORBIDDEN).contains(lost.get(0)), lost.toString());
                Inquiry after = stored(id);
                assertEquals(won.get(0).owner(), after.owner());
                assertEquals(1, after.history().stream().filter(s -> s.kind() == InquiryStepKind.HANDED_OVER).count());
                assertEquals(2, after.history().size());
                assertEquals("转" + after.owner(), after.history().get(1).note());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listsByOwnerAndStateNewestFirst() {
        String first = service.open(HANSHAN, asked("张三")).id();
        String second = service.open(HANSHAN, asked("张三")).id();
        String third = service.open(HANSHAN, asked("张三")).id();
        String other = service.open(HANSHAN, asked("王五")).id();
        service.handOver(HANSHAN, second, new HandOver("张三", "李四", "B01", null));
        service.close(HANSHAN, third, "张三", "已当场答复", null);

        assertEquals(List.of(other, third, second, first), ids(service.inquiries(HANSHAN, null, null, 0)));
        assertEquals(List.of(other, third), ids(service.inquiries(HANSHAN, null, null, 2)));
        assertEquals(List.of(first), ids(service.inquiries(HANSHAN, InquiryState.OPEN, "张三", 0)));
        assertEquals(List.of(third, first), ids(service.inquiries(HANSHAN, null, "张三", 0)));
        assertEquals(List.of(second), ids(service.inquiries(HANSHAN, null, "李四", 0)));
        assertEquals(List.of(third), ids(service.inquiries(HANSHAN, InquiryState.CLOSED, null, 0)));
        assertEquals(List.of(other, second, first), ids(service.inquiries(HANSHAN, InquiryState.OPEN, null, 0)));
        // Listed inquiries carry their histories.
        assertEquals(2, service.inquiries(HANSHAN, null, "李四", 0).get(0).history().size());
        assertEquals(List.of(), service.inquiries(MAANSHAN, null, null, 0));
        assertEquals(java.util.Optional.empty(), service.find(MAANSHAN, first));
    }

    static List<String> ids(List<Inquiry> inquiries) {
        return inquiries.stream().map(Inquiry::id).toList();
    }
}
