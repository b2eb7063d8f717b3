package org.onestop.core.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.core.internal.documents.DocumentFixture.CASE_NUMBER;
import static org.onestop.core.internal.documents.DocumentFixture.LICENSE;
import static org.onestop.core.internal.documents.DocumentFixture.PERSON;
import static org.onestop.core.internal.documents.DocumentFixture.TODAY;
import static org.onestop.core.internal.documents.DocumentFixture.context;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.DecisionRequest;
import org.onestop.api.documents.CaseDocument;

class DocumentPagesTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    private final DocumentFactory factory = new DocumentFactory();

    private CaseDocument denial(Applicant applicant, String reason) {
        return factory.decision(context(LICENSE, DocumentFixture.acceptedCase(applicant), CaseAct.DENY, TODAY, 4),
                new DecisionRequest(Decision.DENIED, reason, "《中华人民共和国食品安全法》第三十五条", null,
                        ActDetails.by("赵审批", "A01")));
    }

    @Test
    void escapeReplacesEveryHtmlSpecialCharacter() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", DocumentPages.escape(HOSTILE));
        assertEquals("a &amp; b &quot;c&quot; &#39;d&#39; &lt;e&gt;", DocumentPages.escape("a & b \"c\" 'd' <e>"));
        assertEquals("&amp;lt;", DocumentPages.escape("&lt;"), "an entity in user text is shown, not decoded");
        assertEquals("", DocumentPages.escape(null));
        assertEquals("含山县", DocumentPages.escape("含山县"));
    }

    @Test
    void hostileUserTextIsShownNotRun() {
        Applicant hostile = new Applicant(ApplicantType.PERSON, HOSTILE, "\"><img src=x onerror=alert(2)>", null);
        CaseDocument d = denial(hostile, "材料中写有 <b>加粗</b> & \"引号\" 与 '单引号'");
        String page = DocumentPages.html(d);
        assertFalse(page.contains(HOSTILE), "the name must not reach the page as markup");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        assertFalse(page.contains("<img"), "the id number must not reach the page as markup");
        assertTrue(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assertFalse(page.contains("<b>"));
        assertTrue(page.contains("&lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot; 与 &#39;单引号&#39;"));
        // The only script is the page's own print script.
        assertEquals(1, count(page, "<script>"));
        assertTrue(page.contains("<script>" + DocumentPages.PRINT_SCRIPT + "</script>"));
    }

    @Test
    void thePageIsChineseA4WithAPrintButtonThatDoesNotPrint() {
        String page = DocumentPages.html(factory.acceptance(context(CaseAct.ACCEPT)));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<html lang=\"zh-CN\">"));
        assertTrue(page.contains("<meta charset=\"UTF-8\">"));
        assertTrue(page.contains("@page { size: A4; margin: 25mm 20mm; }"));
        assertTrue(page.contains("\"SimSun\", \"Songti SC\", \"Noto Serif CJK SC\""));
        assertTrue(page.contains("<button type=\"button\" id=\"print\">打印</button>"));
        Matcher print = Pattern.compile("@media print \\{(.*?)\\n\\s*}\\n", Pattern.DOTALL).matcher(page);
        assertTrue(print.find(), "a print rule");
        assertTrue(print.group(1).contains(".toolbar { display: none; }"), print.group(1));
        assertTrue(page.contains("<div class=\"toolbar\"><button"), "the button sits in the hidden toolbar");
    }

    @Test
    void thePageShowsTheStandardContents() {
        CaseDocument d = denial(PERSON, "经营场所不符合要求");
        String page = DocumentPages.html(d);
        assertTrue(page.contains("<p class=\"issuer\">含山县政务服务中心</p>"), "the center heads the page");
        assertTrue(page.contains("<h1>不予行政许可决定书</h1>"));
        assertTrue(page.contains("文书编号：" + CASE_NUMBER + "-D4"));
        assertTrue(page.contains("<th>申请人</th><td>张三</td>"));
        assertTrue(page.contains("<th>证件号码</th><td>340522199001011234</td>"));
        assertTrue(page.contains("食品经营许可（新办）（事项编码：340522-XK-0101）"));
        assertTrue(page.contains("<th>办件编号</th><td>" + CASE_NUMBER + "</td>"));
        assertTrue(page.contains("<p class=\"addressee\">张三：</p>"));
        for (String paragraph : d.body()) {
            assertTrue(page.contains("<p>" + DocumentPages.escape(paragraph) + "</p>"), paragraph);
        }
        assertTrue(page.contains("<h2>依据</h2>"));
        assertTrue(page.contains("<li>《中华人民共和国食品安全法》第三十五条</li>"));
        assertTrue(page.contains("<h2>权利告知</h2>"));
        assertTrue(page.contains("六十日内向含山县人民政府申请行政复议"));
        assertTrue(page.contains("六个月内依法向人民法院提起行政诉讼"));
        // Signature block: seal place, department, Chinese date, in that order at the bottom right.
        int seal = page.indexOf("<span>审批专用章</span><span>（盖章）</span>");
        int department = page.indexOf("<p>含山县市场监督管理局</p>");
        int date = page.indexOf("<p>2026年10月20日</p>");
        assertTrue(seal > 0 && department > seal && date > department, seal + " " + department + " " + date);
        assertTrue(page.contains("文书摘要（SHA-256）：" + d.digest()));
        assertTrue(page.indexOf(d.digest()) > date, "the digest is at the foot");
    }

    @Test
    void remediesAppearOnlyWhenTheDocumentHasThem() {
        String page = DocumentPages.html(factory.acceptance(context(CaseAct.ACCEPT)));
        assertFalse(page.contains("权利告知"));
        assertFalse(page.contains("行政复议"));
    }

    @Test
    void aMaskedDocumentPrintsMasked() {
        String page = DocumentPages.html(denial(PERSON, "经营场所不符合要求").masked());
        assertTrue(page.contains("<td>张*</td>"), page);
        assertTrue(page.contains("<td>340522********1234</td>"));
        assertFalse(page.contains("340522199001011234"));
        assertFalse(page.contains("张三"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
