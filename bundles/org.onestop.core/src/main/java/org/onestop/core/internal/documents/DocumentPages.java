package org.onestop.core.internal.documents;

import java.util.List;
import org.onestop.api.cases.Applicant;
import org.onestop.api.documents.CaseDocument;

/**
 * The printable page of a document (文书打印页): one whole HTML5 page in Chinese, laid out for A4, with a
 * marked empty place where the department's approval seal (审批专用章) goes once the seal module seals it.
 * Every value is escaped: the applicant's name and the clerk's words are user text.
 */
public final class DocumentPages {

    /**
     * The page's only script, fixed text so that a Content-Security-Policy can allow it by its hash
     * instead of allowing inline scripts at large.
     */
    public static final String PRINT_SCRIPT =
            "document.getElementById(\"print\").addEventListener(\"click\", function () { window.print(); });";

    private static final String STYLE = """
            @page { size: A4; margin: 25mm 20mm; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 170mm; color: #000; background: #fff;
              font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
              font-size: 15pt; line-height: 1.75; }
            .toolbar { text-align: right; margin: 6mm 0; }
            .toolbar button { font: inherit; font-size: 12pt; padding: 2mm 8mm; cursor: pointer; }
            header { text-align: center; margin-bottom: 6mm; }
            .issuer { font-size: 18pt; margin: 0; letter-spacing: 0.1em; }
            h1 { font-size: 22pt; margin: 4mm 0 2mm; letter-spacing: 0.2em; }
            .number { margin: 0; text-align: right; font-size: 12pt; }
            table.facts { width: 100%; border-collapse: collapse; margin: 4mm 0 6mm; font-size: 12pt; }
            table.facts th, table.facts td { border: 0.3mm solid #000; padding: 1.5mm 3mm; text-align: left; }
            table.facts th { width: 28mm; font-weight: normal; white-space: nowrap; }
            .addressee { margin: 0; }
            .body p, .remedies p { text-indent: 2em; margin: 0; }
            h2 { font-size: 15pt; margin: 4mm 0 0; }
            .bases ol { margin: 0; padding-left: 2em; }
            .signature { margin: 14mm 0 0 auto; width: 80mm; text-align: center; position: relative; }
            .signature p { margin: 0; }
            .seal { width: 42mm; height: 42mm; margin: 0 auto 2mm; border: 0.3mm dashed #999; border-radius: 50%;
              color: #999; font-size: 11pt; display: flex; align-items: center; justify-content: center;
              flex-direction: column; }
            .foot { margin-top: 14mm; border-top: 0.2mm solid #999; font-size: 8pt; color: #333; word-break: break-all; }
            @media print {
              .toolbar { display: none; }
              body { max-width: none; }
            }
            """;

    private DocumentPages() {
    }

    /** The whole page; the applicant is shown as the document carries it (a masked copy for the public). */
    public static String html(CaseDocument d) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(d.title())).append(' ').append(escape(d.number())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<div class=\"toolbar\"><button type=\"button\" id=\"print\">打印</button></div>\n");

        html.append("<header>\n<p class=\"issuer\">").append(escape(d.centerName())).append("</p>\n<h1>")
                .append(escape(d.title())).append("</h1>\n<p class=\"number\">文书编号：").append(escape(d.number()))
                .append("</p>\n</header>\n");

        Applicant a = d.applicant();
        html.append("<table class=\"facts\">\n");
        row(html, "申请人", a == null ? null : a.name());
        row(html, "证件号码", a == null ? null : a.idNumber());
        row(html, "申请事项", d.itemName() + "（事项编码：" + d.itemCode() + "）");
        row(html, "办件编号", d.caseNumber());
        row(html, "承办部门", d.departmentName());
        html.append("</table>\n");

        if (a != null && !Wording.blank(a.name())) {
            // The salutation, as official letters open; a masked copy greets the masked name.
            html.append("<p class=\"addressee\">").append(escape(a.name())).append("：</p>\n");
        }
        paragraphs(html, "body", null, d.body());
        if (!d.bases().isEmpty()) {
            html.append("<section class=\"bases\">\n<h2>依据</h2>\n<ol>\n");
            for (String basis : d.bases()) {
                html.append("<li>").append(escape(basis)).append("</li>\n");
            }
            html.append("</ol>\n</section>\n");
        }
        if (!d.remedies().isEmpty()) {
            paragraphs(html, "remedies", "权利告知", d.remedies());
        }

        html.append("<div class=\"signature\">\n")
                .append("<div class=\"seal\" data-seal=\"审批专用章\" data-document=\"").append(escape(d.number()))
                .append("\"><span>审批专用章</span><span>（盖章）</span></div>\n")
                .append("<p>").append(escape(d.departmentName())).append("</p>\n")
                .append("<p>").append(escape(Wording.date(d.issuedOn()))).append("</p>\n</div>\n");

        html.append("<p class=\"foot\">本文书由").append(escape(d.centerName())).append("出具，经办人：")
                .append(escape(d.issuedBy())).append("。文书摘要（SHA-256）：").append(escape(d.digest()))
                .append("</p>\n")
                .append("<script>").append(PRINT_SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Text made safe anywhere in HTML, in element content and in quoted attributes alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(label).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void paragraphs(StringBuilder html, String cssClass, String heading, List<String> texts) {
        html.append("<section class=\"").append(cssClass).append("\">\n");
        if (heading != null) {
            html.append("<h2>").append(heading).append("</h2>\n");
        }
        for (String text : texts) {
            html.append("<p>").append(escape(text)).append("</p>\n");
        }
        html.append("</section>\n");
    }
}
