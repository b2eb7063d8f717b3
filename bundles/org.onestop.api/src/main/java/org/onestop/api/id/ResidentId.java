package org.onestop.api.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The 18-character citizen identity number of GB 11643-1999 (公民身份号码): six digits of region,
 * eight of birth date, three of sequence, and a check character computed by ISO 7064 MOD 11-2.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ResidentId() {
    }

    /**
     * Why {@code value} is not a valid resident ID, or empty when it is. A lower-case x is accepted.
     */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("身份证号不能为空");
        }
        String v = value.trim().toUpperCase();
        if (!v.matches("\\d{17}[\\dX]")) {
            return Optional.of("身份证号应为18位：17位数字加1位校验码（数字或X）");
        }
        if (RegionCode.problem(v.substring(0, 6)).isPresent()) {
            return Optional.of("身份证号前6位应为行政区划代码（GB/T 2260），“" + v.substring(0, 6) + "”不是");
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号中的出生日期无效");
        }
        // Nobody living was born before 1900, nor after today in China (where every resident ID is issued).
        if (born.getYear() < 1900 || born.isAfter(LocalDate.now(CHINA))) {
            return Optional.of("身份证号中的出生日期“" + born + "”不可能");
        }
        if (v.charAt(17) != checkCharacter(v)) {
            return Optional.of("身份证号校验码错误（GB 11643）");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** The check character for the first 17 digits of {@code value}. */
    public static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The canonical form: trimmed, with an upper-case X. */
    public static String normalize(String value) {
        return value == null ? null : value.trim().toUpperCase();
    }
}
