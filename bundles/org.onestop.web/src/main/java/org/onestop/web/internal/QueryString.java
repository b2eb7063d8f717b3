package org.onestop.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.api.OneStopException;

/**
 * Parses a raw query string as UTF-8 form encoding. The router does it itself instead of asking the
 * container, so that bad percent-encoding becomes our JSON 400 rather than the container's HTML page, and
 * so that a form-encoded POST body is never mistaken for query parameters.
 */
final class QueryString {

    private QueryString() {
    }

    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String text, String field) {
        try {
            String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') >= 0 && !text.contains("\uFFFD")) {
                // URLDecoder replaces invalid UTF-8 silently; a GBK-encoded 含山 would become garbage.
                throw OneStopException.invalid(field, "查询参数不是有效的 UTF-8 编码");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw OneStopException.invalid(field, "查询参数的百分号编码无效：“" + text + "”");
        }
    }
}
