package org.onestop.web.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onestop.api.OneStopException;

/** Turns text from the query string or a body into typed values, naming the field when it cannot. */
final class Params {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
            throw OneStopException.invalid(field, "“" + text + "”不是有效的取值，应为 " + names + " 之一");
        }
    }

    static LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        // Exactly yyyy-MM-dd: ISO also reads "+999999999-12-31", a year no question of a center is about.
        if (!DATE.matcher(text).matches()) {
            throw OneStopException.invalid(field, "日期应为 yyyy-MM-dd 格式的有效日期：“" + text + "”");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw OneStopException.invalid(field, "日期应为 yyyy-MM-dd 格式的有效日期：“" + text + "”");
        }
    }

    static LocalDate requiredDate(String field, String text) {
        if (text == null) {
            throw OneStopException.invalid(field, "缺少参数 " + field + "（yyyy-MM-dd）");
        }
        return date(field, text);
    }

    /** An integer within [min, max]; null when absent. */
    static Integer integer(String field, String text, int min, int max) {
        if (text == null) {
            return null;
        }
        // ASCII digits only: parseInt also reads "+5" and full-width "５", which no client means to send.
        if (!INTEGER.matcher(text).matches()) {
            throw OneStopException.invalid(field, "应为整数：“" + text + "”");
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw OneStopException.invalid(field, "应为整数：“" + text + "”");
        }
        if (value < min || value > max) {
            throw OneStopException.invalid(field, "应在 " + min + " 到 " + max + " 之间：" + value);
        }
        return value;
    }

    static int requiredInteger(String field, String text, int min, int max) {
        if (text == null) {
            throw OneStopException.invalid(field, "缺少参数 " + field + "（整数）");
        }
        return integer(field, text, min, max);
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw OneStopException.invalid(field, "“" + field + "”不能为空");
        }
        return value;
    }
}
