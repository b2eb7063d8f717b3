package org.onestop.core.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.core.internal.documents.DocumentFixture.ACCEPTED;
import static org.onestop.core.internal.documents.DocumentFixture.CASE_NUMBER;
import static org.onestop.core.internal.documents.DocumentFixture.CENTER;
import static org.onestop.core.internal.documents.DocumentFixture.CLERK;
import static org.onestop.core.internal.documents.DocumentFixture.DEPARTMENT;
import static org.onestop.core.internal.documents.DocumentFixture.LICENSE;
import static org.onestop.core.internal.documents.DocumentFixture.PERSON;
import static org.onestop.core.internal.documents.DocumentFixture.TODAY;
import static org.onestop.core.internal.documents.DocumentFixture.context;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.Delivery;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.Extension;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.PauseRecord;
import org.onestop.api.cases.ProblemKind;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.LegalBasis;
import org.onestop.api.catalog.SpecialProcedure;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentKind;
import org.onestop.json.OneStopJson;

class DocumentFactoryTest {

    private static final String REFUSAL_BASIS = "《中华人民共和国行政许可法》第三十二条第一款第（二）项";
    private static final String DENIAL_BASIS = "《中华人民共和国食品安全法》第三十五条第一款";
    private static final List<String> ITEM_BASES = List.of("《中华人民共和国食品安全法》第三十五条", "《食品经营许可和备案管理办法》第十条");
    private static final String RECONSIDERATION = "申请人如不服本决定，可以自收到本决定书之日起六十日内向含山县人民政府申请行政复议。";
    private static final String LAWSUIT = "申请人如不服本决定，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";

    private final DocumentFactory factory = new DocumentFactory();

    private static final List<MaterialProblem> PROBLEMS = List.of(
            new MaterialProblem("食品经营许可申请书", ProblemKind.MISSING, null),
            new MaterialProblem("营业执照复印件", ProblemKind.WRONG_FORM, "应为加盖公章的复印件"),
            new MaterialProblem("食品安全管理制度文本", ProblemKind.TOO_FEW_COPIES, null),
            new MaterialProblem("食品经营许可申请书", ProblemKind.NOT_COMPLIANT, "法定代表人未签字。"));

    /** One document of every kind, for the same license case. */
    private Map<DocumentKind, CaseDocument> everyKind(Item item) {
        Map<DocumentKind, CaseDocument> all = new LinkedHashMap<>();
        all.put(DocumentKind.ONE_TIME_NOTICE,
                factory.oneTimeNotice(context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.ONE_TIME_NOTICE, TODAY, 1), PROBLEMS));
        all.put(DocumentKind.ACCEPTANCE, factory.acceptance(context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.ACCEPT, TODAY, 2)));
        all.put(DocumentKind.REFUSAL, factory.refusal(context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.REFUSE, TODAY, 3),
                "申请事项依法不属于本机关职权范围。", REFUSAL_BASIS));
        all.put(DocumentKind.SPECIAL_PROCEDURE, factory.specialProcedure(
                context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.PAUSE, TODAY, 4), runningSurvey()));
        all.put(DocumentKind.EXTENSION, factory.extension(
                context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.APPROVE_EXTENSION, TODAY, 5), approvedExtension()));
        all.put(DocumentKind.APPROVAL, factory.decision(
                context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.APPROVE, TODAY, 6), approval()));
        all.put(DocumentKind.DENIAL, factory.decision(
                context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.DENY, TODAY, 7), denial()));
        all.put(DocumentKind.DELIVERY, factory.delivery(context(item,
                DocumentFixture.decidedCase(Decision.APPROVED, CASE_NUMBER + "-D6"), CaseAct.DELIVER, TODAY, 8),
                new Delivery(DeliveryMethod.WINDOW, "张三", null, null, TODAY)));
        all.put(DocumentKind.WITHDRAWAL, factory.withdrawal(
                context(item, DocumentFixture.acceptedCase(PERSON), CaseAct.WITHDRAW, TODAY, 9), "申请人经营场所另行选址"));
        return all;
    }

    private static PauseRecord runningSurvey() {
        return new PauseRecord(SpecialProcedure.SITE_SURVEY, "需核查经营场所与申请材料是否一致", TODAY, null, 0);
    }

    private static Extension approvedExtension() {
        return new Extension(5, "需征求卫生健康部门意见", CLERK, TODAY.minusDays(1), ExtensionStatus.APPROVED, "局长周强",
                TODAY, null);
    }

    private static DecisionRequest approval() {
        return new DecisionRequest(Decision.APPROVED, null, null, "许可证编号JY13405220001234", ActDetails.by("赵审批", "A01"));
    }

    private static DecisionRequest denial() {
        return new DecisionRequest(Decision.DENIED, "经现场核查，经营场所与有毒、有害场所的距离不符合要求。", DENIAL_BASIS, null,
                ActDetails.by("赵审批", "A01"));
    }

    private static String text(CaseDocument d) {
        return String.join("\n", d.body());
    }

    @Test
    void everyDocumentCarriesTheStandardContents() {
        Map<DocumentKind, CaseDocument> all = everyKind(LICENSE);
        assertEquals(List.of(DocumentKind.values()), List.copyOf(all.keySet()));
        int position = 1;
        for (CaseDocument d : all.values()) {
            String kind = d.kind().name();
            assertEquals(CASE_NUMBER + "-D" + position++, d.number(), kind);
            assertEquals(CENTER.id(), d.centerId(), kind);
            assertEquals("含山县政务服务中心", d.centerName(), kind);
            assertEquals(DEPARTMENT.id(), d.departmentId(), kind);
            assertEquals("含山县市场监督管理局", d.departmentName(), kind);
            assertEquals(CASE_NUMBER, d.caseNumber(), kind);
            assertEquals(PERSON, d.applicant(), kind + ": the full applicant, the web layer masks");
            assertEquals(LICENSE.code(), d.itemCode(), kind);
            assertEquals("食品经营许可（新办）", d.itemName(), kind);
            assertEquals(TODAY, d.issuedOn(), kind);
            assertEquals(CLERK, d.issuedBy(), kind);
            assertTrue(d.bases().containsAll(ITEM_BASES), kind + " " + d.bases());
            assertFalse(d.body().isEmpty(), kind);
            assertTrue(d.digest().matches("[0-9a-f]{64}"), kind);
            assertEquals(DocumentFactory.digestOf(d), d.digest(), kind);
            // Personal data stays in the applicant field, which masked() reaches; never in the text.
            assertFalse(text(d).contains("张三") || text(d).contains("340522199001011234"), kind + ": " + text(d));
            if (d.kind() != DocumentKind.DELIVERY) {
                assertTrue(text(d).contains("你于2026年10月12日提出的食品经营许可（新办）申请（办件编号：" + CASE_NUMBER + "）"),
                        kind + ": " + text(d));
            }
            boolean decidesAgainst = d.kind() == DocumentKind.REFUSAL || d.kind() == DocumentKind.DENIAL;
            assertEquals(decidesAgainst, !d.remedies().isEmpty(), kind + " remedies " + d.remedies());
        }
        assertEquals(CaseAct.ONE_TIME_NOTICE, all.get(DocumentKind.ONE_TIME_NOTICE).act());
        assertEquals(CaseAct.APPROVE_EXTENSION, all.get(DocumentKind.EXTENSION).act());
        assertEquals(CaseAct.DELIVER, all.get(DocumentKind.DELIVERY).act());
        for (DocumentKind kind : List.of(DocumentKind.ONE_TIME_NOTICE, DocumentKind.ACCEPTANCE, DocumentKind.REFUSAL,
                DocumentKind.SPECIAL_PROCEDURE, DocumentKind.EXTENSION, DocumentKind.DELIVERY, DocumentKind.WITHDRAWAL)) {
            assertEquals(kind.title(), all.get(kind).title());
        }
    }

    @Test
    void theOneTimeNoticeListsEveryProblemAtOnceWithWhatToBring() {
        CaseDocument d = factory.oneTimeNotice(context(CaseAct.ONE_TIME_NOTICE), PROBLEMS);
        assertEquals(DocumentKind.ONE_TIME_NOTICE, d.kind());
        assertEquals("补正材料一次性告知书", d.title());
        assertEquals("1．食品经营许可申请书：缺少，请提交原件1份。", d.body().get(1));
        assertEquals("2．营业执照复印件：形式不符（应为加盖公章的复印件），请按要求提交复印件。", d.body().get(2));
        assertEquals("3．食品安全管理制度文本：份数不足，请补足至2份。", d.body().get(3));
        assertEquals("4．食品经营许可申请书：内容不符合要求（法定代表人未签字），请按要求修改后重新提交。", d.body().get(4));
        assertTrue(d.body().get(0).contains("一次性告知如下"), d.body().get(0));
        assertTrue(text(d).contains("不再要求补正其他材料"), text(d));
        assertTrue(text(d).contains("含山县市场监督管理局窗口"), text(d));
        assertTrue(text(d).contains("咨询电话：0555-4321001"), text(d));
        assertTrue(d.bases().contains("《中华人民共和国行政许可法》第三十二条第一款第（四）项"), d.bases().toString());
        assertThrows(IllegalArgumentException.class, () -> factory.oneTimeNotice(context(CaseAct.ONE_TIME_NOTICE), List.of()));
    }

    @Test
    void theAcceptanceGivesTheLimitTheDeadlineAndTheQueryCode() {
        CaseDocument d = factory.acceptance(context(CaseAct.ACCEPT));
        String text = text(d);
        assertEquals("受理通知书", d.title());
        assertTrue(text.contains("申请材料齐全、符合法定形式，本机关决定予以受理，受理日期为2026年10月13日。"), text);
        assertTrue(text.contains("承诺办理时限为10个工作日，本机关将于2026年10月27日前办结"), text);
        assertTrue(text.contains("办件编号" + CASE_NUMBER + "和查询码K7Q2-9F3A"), text);
        assertTrue(text.contains("咨询电话：0555-4321001；监督投诉电话：0555-4321110。"), text);
        assertTrue(d.bases().contains("《中华人民共和国行政许可法》第三十二条第一款第（五）项"), d.bases().toString());
        assertEquals(ACCEPTED, DocumentFixture.acceptedCase(PERSON).acceptedOn());
    }

    @Test
    void anOrganizationIsAddressedAsYourUnit() {
        CaseDocument d = factory.acceptance(context(LICENSE, DocumentFixture.acceptedCase(DocumentFixture.COMPANY),
                CaseAct.ACCEPT, TODAY, 1));
        assertTrue(d.body().get(0).startsWith("你单位于2026年10月12日提出的"), d.body().get(0));
        assertEquals(DocumentFixture.COMPANY, d.applicant());
    }

    @Test
    void theRefusalGivesReasonBasisAndBothRemedies() {
        CaseDocument d = factory.refusal(context(CaseAct.REFUSE), "申请事项依法不属于本机关职权范围。", REFUSAL_BASIS);
        assertEquals("不予受理通知书", d.title());
        assertTrue(text(d).contains("经审查，申请事项依法不属于本机关职权范围。根据" + REFUSAL_BASIS + "的规定，本机关决定不予受理。"),
                text(d));
        assertTrue(d.bases().contains(REFUSAL_BASIS), d.bases().toString());
        assertEquals(List.of(
                "申请人如不服本决定，可以自收到本通知书之日起六十日内向含山县人民政府申请行政复议。",
                "申请人如不服本决定，也可以自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。"), d.remedies());
        assertThrows(IllegalArgumentException.class, () -> factory.refusal(context(CaseAct.REFUSE), "不符合条件", " "));
    }

    @Test
    void aSpecialProcedureIsNotCountedAndTheLicensingLawSaysSo() {
        PauseRecord ended = new PauseRecord(SpecialProcedure.EXPERT_REVIEW, "工艺布局需专家论证", TODAY,
                LocalDate.of(2026, 10, 23), 3);
        CaseDocument d = factory.specialProcedure(context(CaseAct.PAUSE), ended);
        String text = text(d);
        assertEquals("特别程序告知书", d.title());
        assertTrue(text.contains("本机关已于2026年10月13日受理。"), text);
        assertTrue(text.contains("需要进行专家评审，理由是：工艺布局需专家论证。"), text);
        assertTrue(text.contains("专家评审自2026年10月20日开始，至2026年10月23日结束，共计3个工作日。"), text);
        assertTrue(text.contains("根据《中华人民共和国行政许可法》第四十五条的规定，专家评审所需时间不计算在办理时限内"), text);
        assertTrue(d.bases().contains("《中华人民共和国行政许可法》第四十五条"), d.bases().toString());

        CaseDocument service = factory.specialProcedure(context(DocumentFixture.ofKind(LICENSE, ItemKind.PUBLIC_SERVICE),
                DocumentFixture.acceptedCase(PERSON), CaseAct.PAUSE, TODAY, 4), runningSurvey());
        assertTrue(text(service).contains("现场踏勘所需时间不计算在办理时限内"), text(service));
        assertFalse(text(service).contains("行政许可法"), text(service));
        assertEquals(ITEM_BASES, service.bases());
    }

    @Test
    void anExtensionNamesDaysReasonApproverAndTheNewDeadline() {
        CaseDocument d = factory.extension(context(CaseAct.APPROVE_EXTENSION), approvedExtension());
        String text = text(d);
        assertEquals("延长审批期限通知书", d.title());
        assertTrue(text.contains("因需征求卫生健康部门意见，本机关不能在承诺办理时限内作出决定。"), text);
        assertTrue(text.contains("经本机关负责人批准，办理期限延长5个工作日，延长后的办结期限为2026年10月27日。"), text);
        assertFalse(text.contains("周强"), "the approver's person stays off the applicant's page");
        assertTrue(text.contains("第四十二条第一款的规定"), text);
        assertTrue(d.bases().contains("《中华人民共和国行政许可法》第四十二条第一款"), d.bases().toString());

        CaseDocument other = factory.extension(context(DocumentFixture.ofKind(LICENSE, ItemKind.NON_LICENSE_APPROVAL),
                DocumentFixture.acceptedCase(PERSON), CaseAct.APPROVE_EXTENSION, TODAY, 5), approvedExtension());
        assertEquals(ITEM_BASES, other.bases());
        assertFalse(text(other).contains("行政许可法"), text(other));

        Extension pending = new Extension(5, "需征求意见", CLERK, TODAY, ExtensionStatus.REQUESTED, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> factory.extension(context(CaseAct.APPROVE_EXTENSION), pending));
    }

    @Test
    void decisionsOfALicenseAreLicenseDecisions() {
        CaseDocument approved = factory.decision(context(CaseAct.APPROVE), approval());
        assertEquals(DocumentKind.APPROVAL, approved.kind());
        assertEquals("准予行政许可决定书", approved.title());
        assertTrue(text(approved).contains("符合法定条件、标准，本机关决定准予行政许可。"), text(approved));
        assertTrue(text(approved).contains("审批结果：食品经营许可证，许可证编号JY13405220001234。"), text(approved));
        assertTrue(approved.bases().contains("《中华人民共和国行政许可法》第三十八条第一款"), approved.bases().toString());
        assertEquals(List.of(), approved.remedies());

        CaseDocument denied = factory.decision(context(CaseAct.DENY), denial());
        assertEquals(DocumentKind.DENIAL, denied.kind());
        assertEquals("不予行政许可决定书", denied.title());
        assertTrue(text(denied).contains("经审查，经现场核查，经营场所与有毒、有害场所的距离不符合要求。根据" + DENIAL_BASIS
                + "的规定，本机关决定不予行政许可。"), text(denied));
        assertTrue(denied.bases().containsAll(List.of(DENIAL_BASIS, "《中华人民共和国行政许可法》第三十八条第二款")),
                denied.bases().toString());
        assertEquals(List.of(RECONSIDERATION, LAWSUIT), denied.remedies());

        DecisionRequest bare = new DecisionRequest(Decision.DENIED, null, DENIAL_BASIS, null, ActDetails.by("赵审批", null));
        assertThrows(IllegalArgumentException.class, () -> factory.decision(context(CaseAct.DENY), bare));
    }

    @Test
    void decisionsOfOtherItemsAreNotCalledLicenses() {
        Item service = DocumentFixture.ofKind(LICENSE, ItemKind.PUBLIC_SERVICE);
        CaseDocument approved = factory.decision(context(service, DocumentFixture.acceptedCase(PERSON), CaseAct.APPROVE,
                TODAY, 6), approval());
        CaseDocument denied = factory.decision(context(service, DocumentFixture.acceptedCase(PERSON), CaseAct.DENY,
                TODAY, 7), denial());
        assertEquals("准予办理通知书", approved.title());
        assertEquals("不予办理通知书", denied.title());
        assertTrue(text(denied).contains("本机关决定不予办理。"), text(denied));
        assertTrue(text(approved).contains("本机关决定准予办理。"), text(approved));
        assertEquals(List.of(
                "申请人如不服本决定，可以自收到本通知书之日起六十日内向含山县人民政府申请行政复议。",
                "申请人如不服本决定，也可以自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。"), denied.remedies());
        assertFalse(String.join("", denied.bases()).contains("行政许可法"), denied.bases().toString());
    }

    @Test
    void theDeliveryReceiptSaysWhatHowToWhomAndWhen() {
        String decision = CASE_NUMBER + "-D6";
        CaseDocument mail = factory.delivery(context(LICENSE, DocumentFixture.decidedCase(Decision.APPROVED, decision),
                CaseAct.DELIVER, TODAY, 8), new Delivery(DeliveryMethod.MAIL, "张三", "1180123456789",
                "安徽省马鞍山市含山县环峰镇和州路8号", LocalDate.of(2026, 10, 22)));
        assertEquals("送达回证", mail.title());
        assertEquals(List.of(
                "送达文书：准予行政许可决定书（文书编号：" + decision + "）、食品经营许可证。",
                "送达方式：邮寄送达（邮件号：1180123456789；寄往申请人提供的邮寄地址）。",
                "受送达人：申请人。签收人：申请人本人。",
                "送达日期：2026年10月22日。",
                "送达人：" + CLERK + "。"), mail.body());
        assertTrue(mail.bases().contains("《中华人民共和国行政许可法》第四十四条"), mail.bases().toString());

        CaseDocument window = factory.delivery(context(LICENSE, DocumentFixture.decidedCase(Decision.DENIED, decision),
                CaseAct.DELIVER, TODAY, 8), new Delivery(DeliveryMethod.WINDOW, "李四光", null, null, TODAY));
        assertEquals("送达文书：不予行政许可决定书（文书编号：" + decision + "）。", window.body().get(0));
        assertEquals("送达方式：窗口领取（含山县政务服务中心含山县市场监督管理局窗口）。", window.body().get(1));
        assertEquals("受送达人：申请人。签收人：李**（代收）。", window.body().get(2));
        assertFalse(window.bases().contains("《中华人民共和国行政许可法》第四十四条"), window.bases().toString());

        CaseDocument electronic = factory.delivery(context(LICENSE, DocumentFixture.decidedCase(Decision.APPROVED, decision),
                CaseAct.DELIVER, TODAY, 8), new Delivery(DeliveryMethod.ELECTRONIC, null, null, "zhangsan@example.cn", TODAY));
        assertEquals("送达方式：电子送达（送达至申请人提供的电子送达地址）。", electronic.body().get(1));
        assertFalse(electronic.toString().contains("zhangsan@example.cn"), "the address is personal data");
        assertFalse(mail.toString().contains("和州路"), "the address is personal data");
        assertEquals("送达日期：2026年10月20日。", electronic.body().get(3));
    }

    @Test
    void theWithdrawalReturnsTheMaterials() {
        CaseDocument d = factory.withdrawal(context(CaseAct.WITHDRAW), "经营场所另行选址。");
        assertEquals("退回件通知书", d.title());
        assertTrue(text(d).contains("你于2026年10月20日申请撤回，理由是：经营场所另行选址。经审查，本机关同意撤回"), text(d));
        assertTrue(text(d).contains("全部申请材料已予退回"), text(d));
        assertEquals(ITEM_BASES, d.bases());
        assertEquals(List.of(), d.remedies());
    }

    @Test
    void theDigestIsTheSha256OfTheCanonicalJsonAndStable() throws Exception {
        CaseDocument d = factory.acceptance(context(CaseAct.ACCEPT));
        assertEquals(d, factory.acceptance(context(CaseAct.ACCEPT)), "the same act gives the same document");
        // Checked against the JDK's own SHA-256, so the Bouncy Castle use is verified, not echoed.
        CaseDocument unsigned = copy(d, "digest", null);
        byte[] json = OneStopJson.gson().toJson(unsigned).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        assertEquals(expected, d.digest());
        assertEquals(d.digest(), DocumentFactory.digestOf(copy(d, "digest", "0".repeat(64))), "the digest leaves itself out");
        // The store keeps documents as this JSON: a document read back still checks.
        CaseDocument stored = OneStopJson.gson().fromJson(OneStopJson.gson().toJson(d), CaseDocument.class);
        assertEquals(d.digest(), DocumentFactory.digestOf(stored));
        // A public copy is not the issued document.
        assertNotEquals(d.digest(), DocumentFactory.digestOf(d.masked()));
    }

    @Test
    void theDigestChangesWhenAnyFieldChanges() throws Exception {
        CaseDocument d = factory.decision(context(CaseAct.DENY), denial());
        List<String> checked = new ArrayList<>();
        for (RecordComponent component : CaseDocument.class.getRecordComponents()) {
            if (component.getName().equals("digest")) {
                continue;
            }
            Object changed = changed(component.getAccessor().invoke(d));
            CaseDocument other = copy(d, component.getName(), changed);
            assertNotEquals(d.digest(), DocumentFactory.digestOf(other), component.getName());
            checked.add(component.getName());
        }
        assertEquals(17, checked.size(), checked.toString());
    }

    @Test
    void wordingOfDatesBasesAndGovernments() {
        assertEquals("2026年10月13日", Wording.date(LocalDate.of(2026, 10, 13)));
        assertEquals("2026年1月5日", Wording.date(LocalDate.of(2026, 1, 5)));
        assertEquals("《食品经营许可和备案管理办法》第十条", Wording.basis(new LegalBasis("食品经营许可和备案管理办法", "第十条")));
        assertEquals("《中华人民共和国行政许可法》", Wording.basis(new LegalBasis("《中华人民共和国行政许可法》", null)));
        assertEquals("含山县人民政府", Wording.government("含山县政务服务中心"));
        assertEquals("马鞍山市人民政府", Wording.government("马鞍山市政务服务中心"));
        assertEquals("都昌县人民政府", Wording.government("都昌县行政服务中心"));
        assertEquals("安徽省人民政府", Wording.government("安徽省政务服务中心"));
        assertEquals("本级人民政府", Wording.government("大厅"));
        assertEquals("理由", Wording.clause(" 理由。 "));
    }

    @Test
    void aContextNeedsItsPartsAndAPosition() {
        assertThrows(IllegalArgumentException.class,
                () -> context(LICENSE, DocumentFixture.acceptedCase(PERSON), CaseAct.ACCEPT, TODAY, 0));
        assertThrows(NullPointerException.class, () -> new DocumentContext(CENTER, DEPARTMENT, null,
                DocumentFixture.acceptedCase(PERSON), DocumentFixture.event(CaseAct.ACCEPT, TODAY), 1));
    }

    /** A value that differs from {@code value} and has its type. */
    private static Object changed(Object value) {
        if (value instanceof String s) {
            return s + "。";
        }
        if (value instanceof LocalDate day) {
            return day.plusDays(1);
        }
        if (value instanceof List<?> list) {
            List<Object> more = new ArrayList<>(list);
            more.add("另");
            return more;
        }
        if (value instanceof Applicant a) {
            return new Applicant(ApplicantType.ORGANIZATION, a.name(), a.idNumber(), a.phone());
        }
        if (value instanceof Enum<?> e) {
            Object[] all = e.getDeclaringClass().getEnumConstants();
            return all[(e.ordinal() + 1) % all.length];
        }
        throw new AssertionError("no change known for " + value);
    }

    private static CaseDocument copy(CaseDocument d, String name, Object value) {
        return DocumentFixture.with(d, name, value);
    }
}
