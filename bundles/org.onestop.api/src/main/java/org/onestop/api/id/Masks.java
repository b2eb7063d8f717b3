package org.onestop.api.id;

/**
 * How personal data is shown in public views (脱敏): enough to recognize one's own record, not enough
 * to learn someone else's.
 */
public final class Masks {

    private Masks() {
    }

    /** Keeps the first 6 and the last 4 characters: {@code 340522********1234}. */
    public static String idNumber(String value) {
        return keep(value, 6, 4);
    }

    /** Keeps the first 3 and the last 4 digits: {@code 139****5678}. */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    /** Keeps the family name (the first character) and masks the rest: {@code 张**}. */
    public static String personName(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int first = value.offsetByCodePoints(0, 1);
        int rest = value.codePointCount(first, value.length());
        return value.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }

    private static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= head + tail) {
            // Too short to keep both ends: show only its last character.
            return "*".repeat(value.length() - 1) + value.charAt(value.length() - 1);
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
