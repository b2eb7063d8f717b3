package org.onestop.core.internal.documents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.cases.Delivery;
import org.onestop.api.cases.DeliveryMethod;
import org.onestop.api.cases.Extension;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.PauseRecord;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.LegalBasis;
import org.onestop.api.catalog.Material;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentKind;
import org.onestop.api.id.Masks;
import org.onestop.json.OneStopJson;

/**
 * Writes the documents (文书) of case acts — notices (通知书, 告知书) and decisions (决定书) — with the
 * standard contents the province asks for (seed 003, item 10): the center and department, the case
 * number, the applicant, the item, the act, its basis, the date, and the remedies where they apply.
 *
 * <p>The body never names the applicant nor any other person in full: it says 你 or 你单位, because a
 * public view masks a document through {@link CaseDocument#masked()}, which reaches the applicant field
 * only. Every document is sealed later over its digest, so it is computed here, once.
 */
public final class DocumentFactory {

    private static final String LICENSING_LAW = "《中华人民共和国行政许可法》";

    public DocumentFactory() {
    }

    /** 补正材料一次性告知书: every problem at once, numbered, each with what to bring. */
    public CaseDocument oneTimeNotice(DocumentContext ctx, List<MaterialProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("一次性告知书须列明需要补正的全部内容，至少一项");
        }
        String you = you(ctx.c());
        List<String> body = new ArrayList<>();
        body.add(application(ctx) + "经审查，申请材料不齐全或者不符合法定形式。现将需要补正的全部内容一次性告知如下：");
        for (int i = 0; i < problems.size(); i++) {
            body.add((i + 1) + "．" + problem(ctx.item(), problems.get(i)));
        }
        body.add("请" + you + "按照上述要求补齐全部材料后，到本中心" + ctx.department().name() + "窗口提交。"
                + "以上为需要补正的全部内容，" + you + "按要求补正后，本机关不再要求补正其他材料；"
                + "补正的材料齐全、符合法定形式的，本机关将予以受理。");
        body.add(contacts(ctx.item()));
        return issue(ctx, DocumentKind.ONE_TIME_NOTICE, DocumentKind.ONE_TIME_NOTICE.title(), body,
                bases(ctx, licensingLaw(ctx, "第三十二条第一款第（四）项")), false);
    }

    /** 受理通知书: accepted on, the limits and deadline, and how to follow the case. */
    public CaseDocument acceptance(DocumentContext ctx) {
        Case c = ctx.c();
        Item item = ctx.item();
        String limits;
        if (item.handlingType() == HandlingType.IMMEDIATE || item.promisedLimitDays() <= 0) {
            limits = "本事项为即办件，本机关当场办结。";
        } else {
            limits = "本事项法定办理时限为" + item.legalLimitDays() + "个工作日，承诺办理时限为" + item.promisedLimitDays()
                    + "个工作日" + (c.deadline() == null ? "" : "，本机关将于" + Wording.date(c.deadline()) + "前办结")
                    + "。依法需要现场踏勘、专家评审、听证、检验检测、公示等特别程序的，所需时间不计算在办理时限内。";
        }
        List<String> body = paragraphs(
                application(ctx) + "经审查，申请材料齐全、符合法定形式，本机关决定予以受理，受理日期为"
                        + Wording.date(acceptedOn(ctx)) + "。",
                limits,
                progressQuery(ctx),
                contacts(item));
        return issue(ctx, DocumentKind.ACCEPTANCE, DocumentKind.ACCEPTANCE.title(), body,
                bases(ctx, licensingLaw(ctx, "第三十二条第一款第（五）项")), false);
    }

    /** 不予受理通知书: the reason and the provision, with the applicant's remedies. */
    public CaseDocument refusal(DocumentContext ctx, String reason, String legalBasis) {
        requireReasons("不予受理", reason, legalBasis);
        List<String> body = paragraphs(
                application(ctx) + "经审查，" + Wording.clause(reason) + "。根据" + Wording.clause(legalBasis)
                        + "的规定，本机关决定不予受理。",
                contacts(ctx.item()));
        return issue(ctx, DocumentKind.REFUSAL, DocumentKind.REFUSAL.title(), body,
                bases(ctx, Wording.clause(legalBasis)), true);
    }

    /** 特别程序告知书: which procedure, why, from when, and that its time is not counted. */
    public CaseDocument specialProcedure(DocumentContext ctx, PauseRecord pause) {
        Objects.requireNonNull(pause, "pause");
        String procedure = pause.procedure().label();
        String period = procedure + "自" + Wording.date(pause.from()) + "开始"
                + (pause.to() == null ? ""
                        : "，至" + Wording.date(pause.to()) + "结束，共计" + pause.workingDays() + "个工作日");
        String law = license(ctx) ? "根据" + LICENSING_LAW + "第四十五条的规定，" : "";
        List<String> body = paragraphs(
                application(ctx) + accepted(ctx) + "经审查，该申请需要进行" + procedure + "，理由是："
                        + Wording.clause(pause.reason()) + "。" + period + "。",
                law + procedure + "所需时间不计算在办理时限内，办结期限相应顺延。" + procedure + "结束后，本机关将继续办理。",
                progressQuery(ctx),
                contacts(ctx.item()));
        return issue(ctx, DocumentKind.SPECIAL_PROCEDURE, DocumentKind.SPECIAL_PROCEDURE.title(), body,
                bases(ctx, licensingLaw(ctx, "第四十五条")), false);
    }

    /**
     * 延长审批期限通知书: the days, the reason, the approval and the new deadline. The approver is named by office
     * (本机关负责人), as the law names them: the person and their account stay in the case's record, off a page
     * the applicant prints.
     */
    public CaseDocument extension(DocumentContext ctx, Extension extension) {
        Objects.requireNonNull(extension, "extension");
        if (extension.status() != ExtensionStatus.APPROVED) {
            // Only an approved extension moves the deadline; a pending or rejected one tells the applicant nothing.
            throw new IllegalArgumentException("只有已批准的延期才出具延长审批期限通知书：" + extension.status());
        }
        String law = license(ctx) ? "根据" + LICENSING_LAW + "第四十二条第一款的规定，" : "";
        List<String> body = paragraphs(
                application(ctx) + accepted(ctx) + "因" + Wording.clause(extension.reason())
                        + "，本机关不能在承诺办理时限内作出决定。" + law + "经本机关负责人批准，办理期限延长"
                        + extension.days() + "个工作日"
                        + (ctx.c().deadline() == null ? "" : "，延长后的办结期限为" + Wording.date(ctx.c().deadline()))
                        + "。",
                progressQuery(ctx),
                contacts(ctx.item()));
        return issue(ctx, DocumentKind.EXTENSION, DocumentKind.EXTENSION.title(), body,
                bases(ctx, licensingLaw(ctx, "第四十二条第一款")), false);
    }

    /**
     * 准予(行政)许可决定书 or 不予(行政)许可决定书; an item that is not an administrative license gets
     * 准予办理通知书 or 不予办理通知书, since calling it a license would be wrong in law.
     */
    public CaseDocument decision(DocumentContext ctx, DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.decision(), "decision");
        Item item = ctx.item();
        String outcome = outcome(item, request.decision());
        String title = decisionTitle(item, request.decision());
        if (request.decision() == Decision.APPROVED) {
            List<String> results = new ArrayList<>();
            if (!Wording.blank(item.result())) {
                results.add(item.result().strip());
            }
            if (!Wording.blank(request.result())) {
                results.add(Wording.clause(request.result()));
            }
            List<String> body = paragraphs(
                    application(ctx) + "经审查，" + you(ctx.c()) + "的申请符合法定条件、标准，本机关决定" + outcome + "。",
                    results.isEmpty() ? null : "审批结果：" + String.join("，", results) + "。",
                    "本机关将依法向" + you(ctx.c()) + "送达审批结果。",
                    contacts(item));
            return issue(ctx, DocumentKind.APPROVAL, title, body, bases(ctx, licensingLaw(ctx, "第三十八条第一款")),
                    false);
        }
        requireReasons("不予许可", request.reason(), request.legalBasis());
        List<String> body = paragraphs(
                application(ctx) + "经审查，" + Wording.clause(request.reason()) + "。根据"
                        + Wording.clause(request.legalBasis()) + "的规定，本机关决定" + outcome + "。",
                contacts(item));
        return issue(ctx, DocumentKind.DENIAL, title, body,
                bases(ctx, Wording.clause(request.legalBasis()), licensingLaw(ctx, "第三十八条第二款")), true);
    }

    /** 送达回证: what was delivered, how, to whom, on which day. */
    public CaseDocument delivery(DocumentContext ctx, Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        Case c = ctx.c();
        Decision decision = c.progress().decision();
        List<String> delivered = new ArrayList<>();
        String decisionNumber = decisionDocument(c);
        delivered.add((decision == null ? "审批结果文书" : decisionTitle(ctx.item(), decision))
                + (decisionNumber == null ? "" : "（文书编号：" + decisionNumber + "）"));
        if (decision == Decision.APPROVED && !Wording.blank(ctx.item().result())) {
            delivered.add(ctx.item().result().strip());
        }
        LocalDate day = delivery.deliveredOn() == null ? ctx.event().on() : delivery.deliveredOn();
        List<String> body = paragraphs(
                "送达文书：" + String.join("、", delivered) + "。",
                "送达方式：" + method(ctx, delivery) + "。",
                "受送达人：申请人。签收人：" + recipient(c.applicant(), delivery.recipient()) + "。",
                "送达日期：" + Wording.date(day) + "。",
                "送达人：" + ctx.event().actor() + "。");
        boolean licenseIssued = decision == Decision.APPROVED;
        return issue(ctx, DocumentKind.DELIVERY, DocumentKind.DELIVERY.title(), body,
                bases(ctx, licenseIssued ? licensingLaw(ctx, "第四十四条") : null), false);
    }

    /** 退回件通知书: withdrawn at the applicant's request, the materials returned. */
    public CaseDocument withdrawal(DocumentContext ctx, String reason) {
        String you = you(ctx.c());
        List<String> body = paragraphs(
                application(ctx) + you + "于" + Wording.date(ctx.event().on()) + "申请撤回，理由是：" + Wording.clause(reason)
                        + "。经审查，本机关同意撤回，该申请按退回件处理，终止办理。",
                you + "提交的全部申请材料已予退回，请当面核对。" + you + "如需再次办理，可以重新提出申请。",
                contacts(ctx.item()));
        return issue(ctx, DocumentKind.WITHDRAWAL, DocumentKind.WITHDRAWAL.title(), body, bases(ctx), false);
    }

    /**
     * SHA-256 of the document's canonical JSON (the platform's Gson, the digest left out), in lower-case
     * hex: the stable bytes the approval seal signs, re-checked by anyone who holds the document.
     */
    public static String digestOf(CaseDocument d) {
        byte[] json = OneStopJson.toJson(withDigest(d, null)).getBytes(StandardCharsets.UTF_8);
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(json, 0, json.length);
        byte[] out = new byte[sha256.getDigestSize()];
        sha256.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    // --- the standard contents --------------------------------------------------------------------

    private static CaseDocument issue(DocumentContext ctx, DocumentKind kind, String title, List<String> body,
            List<String> bases, boolean withRemedies) {
        Case c = ctx.c();
        CaseEvent event = ctx.event();
        String itemName = Wording.blank(c.itemName()) ? ctx.item().name() : c.itemName();
        String itemCode = Wording.blank(c.itemCode()) ? ctx.item().code() : c.itemCode();
        CaseDocument draft = new CaseDocument(c.number() + "-D" + ctx.position(), kind, title, ctx.center().id(),
                ctx.center().name(), ctx.department().id(), ctx.department().name(), c.number(), c.applicant(),
                itemCode, itemName, event.act(), body, bases, withRemedies ? remedies(ctx, title) : List.of(),
                event.on(), event.actor(), null);
        return withDigest(draft, digestOf(draft));
    }

    private static CaseDocument withDigest(CaseDocument d, String digest) {
        return new CaseDocument(d.number(), d.kind(), d.title(), d.centerId(), d.centerName(), d.departmentId(),
                d.departmentName(), d.caseNumber(), d.applicant(), d.itemCode(), d.itemName(), d.act(), d.body(),
                d.bases(), d.remedies(), d.issuedOn(), d.issuedBy(), digest);
    }

    /** The item's own legal bases, then the provisions of this act; each once. */
    private static List<String> bases(DocumentContext ctx, String... provisions) {
        Set<String> all = new LinkedHashSet<>();
        for (LegalBasis basis : ctx.item().legalBases()) {
            all.add(Wording.basis(basis));
        }
        for (String provision : provisions) {
            if (!Wording.blank(provision)) {
                all.add(provision.strip());
            }
        }
        return List.copyOf(all);
    }

    /**
     * Reconsideration before the center's people's government within 60 days, a lawsuit within 6 months
     * (行政复议法 第二十条, 行政诉讼法 第四十六条), counted from receipt of this very document.
     */
    private static List<String> remedies(DocumentContext ctx, String title) {
        String document = "本" + title.substring(title.length() - 3);
        return List.of(
                "申请人如不服本决定，可以自收到" + document + "之日起六十日内向" + Wording.government(ctx.center().name())
                        + "申请行政复议。",
                "申请人如不服本决定，也可以自收到" + document + "之日起六个月内依法向人民法院提起行政诉讼。");
    }

    /** The Administrative Licensing Law governs administrative licenses only; other items rest on their own bases. */
    private static String licensingLaw(DocumentContext ctx, String article) {
        return license(ctx) ? LICENSING_LAW + article : null;
    }

    private static boolean license(DocumentContext ctx) {
        return ctx.item().kind() == ItemKind.ADMINISTRATIVE_LICENSE;
    }

    private static String outcome(Item item, Decision decision) {
        boolean approved = decision == Decision.APPROVED;
        if (item.kind() == ItemKind.ADMINISTRATIVE_LICENSE) {
            return approved ? "准予行政许可" : "不予行政许可";
        }
        return approved ? "准予办理" : "不予办理";
    }

    /** 准予行政许可决定书 for a license, 准予办理通知书 for any other item; the same for a denial. */
    static String decisionTitle(Item item, Decision decision) {
        return outcome(item, decision) + (item.kind() == ItemKind.ADMINISTRATIVE_LICENSE ? "决定书" : "通知书");
    }

    // --- the common paragraphs ------------------------------------------------------------------

    /** 你 to a person, 你单位 to an organization: how a notice addresses its applicant. */
    private static String you(Case c) {
        Applicant a = c.applicant();
        if (a == null || a.type() == null) {
            return "你（单位）";
        }
        return a.type() == ApplicantType.PERSON ? "你" : "你单位";
    }

    /** The opening every document shares: 你于……提出的……申请（办件编号：……）， */
    private static String application(DocumentContext ctx) {
        Case c = ctx.c();
        String itemName = Wording.blank(c.itemName()) ? ctx.item().name() : c.itemName();
        return you(c) + "于" + Wording.date(c.receivedOn()) + "提出的" + itemName + "申请（办件编号：" + c.number() + "），";
    }

    private static LocalDate acceptedOn(DocumentContext ctx) {
        return ctx.c().acceptedOn() == null ? ctx.event().on() : ctx.c().acceptedOn();
    }

    private static String accepted(DocumentContext ctx) {
        return "本机关已于" + Wording.date(acceptedOn(ctx)) + "受理。";
    }

    /** How the applicant follows the case: the number and the query code (查询码) the acceptance gave. */
    private static String progressQuery(DocumentContext ctx) {
        Case c = ctx.c();
        if (Wording.blank(c.queryCode())) {
            return null;
        }
        return you(c) + "可凭办件编号" + c.number() + "和查询码" + c.queryCode()
                + "，通过本中心网站、触摸查询屏或者咨询电话查询办理进度。";
    }

    private static String contacts(Item item) {
        List<String> phones = new ArrayList<>();
        if (!Wording.blank(item.consultationPhone())) {
            phones.add("咨询电话：" + item.consultationPhone().strip());
        }
        if (!Wording.blank(item.complaintPhone())) {
            phones.add("监督投诉电话：" + item.complaintPhone().strip());
        }
        return phones.isEmpty() ? null : String.join("；", phones) + "。";
    }

    /** One numbered line of a one-time notice: the material, what is wrong, and what to bring. */
    private static String problem(Item item, MaterialProblem p) {
        Material listed = item.materials().stream().filter(m -> m.name().equals(p.material())).findFirst().orElse(null);
        String bring = switch (p.kind()) {
            case MISSING -> "请提交" + (listed == null ? "该材料" : listed.form().label() + listed.copies() + "份");
            case WRONG_FORM -> "请按要求提交" + (listed == null ? "规定形式的材料" : listed.form().label());
            case TOO_FEW_COPIES -> "请补足" + (listed == null ? "规定份数" : "至" + listed.copies() + "份");
            case NOT_COMPLIANT -> "请按要求修改后重新提交";
        };
        String detail = Wording.blank(p.detail()) ? "" : "（" + Wording.clause(p.detail()) + "）";
        return p.material() + "：" + p.kind().label() + detail + "，" + bring + "。";
    }

    private static String method(DocumentContext ctx, Delivery d) {
        DeliveryMethod m = d.method();
        if (m == null) {
            return "未记录";
        }
        return switch (m) {
            case WINDOW -> m.label() + "（" + ctx.center().name() + ctx.department().name() + "窗口）";
            // The address is the applicant's personal data: it stays in the case's delivery record, shown only
            // to those who may read personal data, and never in a document every reader of the case sees.
            case MAIL -> m.label() + "（邮件号：" + Objects.toString(d.trackingNumber(), "") + "；寄往申请人提供的邮寄地址）";
            case ELECTRONIC -> m.label() + "（送达至申请人提供的电子送达地址）";
        };
    }

    /**
     * 申请人本人 when the applicant took it; anyone else is named masked, because the body is public as it
     * stands (the full name stays in the case's delivery record).
     */
    private static String recipient(Applicant applicant, String recipient) {
        if (Wording.blank(recipient) || applicant != null && recipient.strip().equals(applicant.name())) {
            return "申请人本人";
        }
        return Masks.personName(recipient.strip()) + "（代收）";
    }

    /** The number of the decision's document, as the decision's event names it. */
    private static String decisionDocument(Case c) {
        for (int i = c.timeline().size() - 1; i >= 0; i--) {
            CaseEvent e = c.timeline().get(i);
            if (e.act() == CaseAct.APPROVE || e.act() == CaseAct.DENY) {
                return e.data().get("document");
            }
        }
        return null;
    }

    private static void requireReasons(String act, String reason, String legalBasis) {
        if (Wording.blank(reason) || Wording.blank(legalBasis)) {
            throw new IllegalArgumentException(act + "须写明理由和法律依据");
        }
    }

    private static List<String> paragraphs(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
