package org.onestop.core.internal.documents;

import java.time.LocalDate;
import java.util.List;
import org.onestop.api.catalog.LegalBasis;

/** The small pieces of official Chinese (公文用语) the documents and their pages share. */
final class Wording {

    /** Where the place name ends in a center's name: 含山县|政务服务中心. */
    private static final List<String> CENTER_MARKERS = List.of("政务服务", "行政服务", "便民服务", "为民服务",
            "公共服务", "行政审批", "市民中心");

    private Wording() {
    }

    /** A date as documents write it: 2026年10月13日 (Arabic numerals, as GB/T 9704 asks). */
    static String date(LocalDate day) {
        return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /**
     * The people's government a center's applicant turns to for reconsideration (行政复议): the one of the
     * center's own place, since the Administrative Reconsideration Law of 2023 has the government at a
     * level hear the cases against its departments. 含山县政务服务中心 gives 含山县人民政府.
     */
    static String government(String centerName) {
        String name = centerName == null ? "" : centerName.strip();
        int end = -1;
        for (String marker : CENTER_MARKERS) {
            int at = name.indexOf(marker);
            if (at > 0 && (end < 0 || at < end)) {
                end = at;
            }
        }
        if (end > 0) {
            return name.substring(0, end) + "人民政府";
        }
        // A name with no recognizable place: still a correct sentence, the clerk can tell the applicant which.
        return "本级人民政府";
    }

    /** A legal basis as documents cite it: 《中华人民共和国行政许可法》第四十二条. */
    static String basis(LegalBasis basis) {
        String document = basis.document() == null ? "" : basis.document().strip();
        if (!document.startsWith("《")) {
            document = "《" + document + "》";
        }
        String article = basis.article() == null ? "" : basis.article().strip();
        return document + article;
    }

    /**
     * A clerk's words made fit to sit inside a sentence: trimmed, without the full stop they may end with,
     * so that the document's own punctuation follows.
     */
    static String clause(String text) {
        String t = text == null ? "" : text.strip();
        while (!t.isEmpty() && "。．.；;，,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t;
    }

    /** True when the text says nothing. */
    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
