package org.onestop.api.id;

import java.util.Optional;

/**
 * The unified social credit code of GB 32100-2015 (统一社会信用代码): 18 characters from 0-9 and the
 * capital letters without I, O, Z, S and V; the last one is a check character (modulus 31).
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why {@code value} is not a valid credit code, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("统一社会信用代码不能为空");
        }
        String v = value.trim().toUpperCase();
        if (v.length() != 18) {
            return Optional.of("统一社会信用代码应为18位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位字符“" + v.charAt(i)
                        + "”无效（不使用I、O、Z、S、V）");
            }
        }
        if (!v.substring(2, 8).matches("\\d{6}")) {
            return Optional.of("统一社会信用代码第3至8位应为登记管理机关行政区划码");
        }
        if (v.charAt(17) != checkCharacter(v)) {
            return Optional.of("统一社会信用代码校验码错误（GB 32100）");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** The check character for the first 17 characters of {@code value}. */
    public static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static String normalize(String value) {
        return value == null ? null : value.trim().toUpperCase();
    }
}
