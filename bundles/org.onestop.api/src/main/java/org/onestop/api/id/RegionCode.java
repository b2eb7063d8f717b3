package org.onestop.api.id;

import java.util.Optional;

/**
 * A six-digit administrative region code of GB/T 2260 (行政区划代码): two digits of province, two of
 * city, two of county. A province ends in 0000 and a city in 00.
 */
public final class RegionCode {

    private RegionCode() {
    }

    /** Why {@code value} is not a well-formed region code, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || !value.matches("[1-9]\\d{5}")) {
            return Optional.of("行政区划代码应为6位数字（GB/T 2260）");
        }
        int province = Integer.parseInt(value.substring(0, 2));
        if (province < 11 || province > 82) {
            return Optional.of("行政区划代码的前两位应为省级代码（11至82）");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }
}
