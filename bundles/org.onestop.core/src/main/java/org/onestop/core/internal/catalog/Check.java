package org.onestop.core.internal.catalog;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.api.OneStopException;

/**
 * Small checks that name the field they fail on. A field path is built from a prefix, so that the same
 * rule reports {@code creditCode} through the API and {@code departments[2].creditCode} in a file.
 */
public final class Check {

    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,20}");

    private final String prefix;

    private Check(String prefix) {
        this.prefix = prefix;
    }

    public static Check at(String prefix) {
        return new Check(prefix == null ? "" : prefix);
    }

    /** The check for a nested field: {@code at("items[2]").nested("materials[0]")}. */
    public Check nested(String field) {
        return new Check(path(field));
    }

    public String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    public OneStopException invalid(String field, String message) {
        return OneStopException.invalid(path(field), message);
    }

    public <T> T present(String field, T value, String label) {
        if (value == null) {
            throw invalid(field, label + "不能为空");
        }
        return value;
    }

    public String text(String field, String value, String label, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field, label + "不能为空");
        }
        return optionalText(field, value, label, maxLength);
    }

    public String optionalText(String field, String value, String label, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            throw invalid(field, label + "不能超过" + maxLength + "个字");
        }
        if (value != null && value.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t')) {
            throw invalid(field, label + "含有不可见的控制字符");
        }
        return value;
    }

    public String matches(String field, String value, Pattern pattern, String label, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(field, label + rule);
        }
        return value;
    }

    /** A contact phone, stripped, or null when none is given: 5 to 20 digits, with + - brackets and spaces. */
    public String optionalPhone(String field, String value) {
        return value == null || value.isBlank() ? null
                : matches(field, value.strip(), PHONE, "联系电话", "应为5至20位数字（可含 + - 括号 空格）");
    }

    public int range(String field, int value, int min, int max, String label) {
        if (value < min || value > max) {
            throw invalid(field, label + "应在" + min + "到" + max + "之间");
        }
        return value;
    }

    public void rule(String field, boolean holds, String message) {
        if (!holds) {
            throw invalid(field, message);
        }
    }

    /** Fails with the identifier checker's own message, if it has one. */
    public void identifier(String field, Optional<String> problem) {
        problem.ifPresent(message -> {
            throw invalid(field, message);
        });
    }

    /** Fails on the first value that appears twice. */
    public <T> void unique(String field, Collection<T> values, String label) {
        Set<T> seen = new HashSet<>();
        int i = 0;
        for (T value : values) {
            if (!seen.add(value)) {
                throw invalid(field + "[" + i + "]", label + "“" + value + "”重复");
            }
            i++;
        }
    }
}
