package org.onestop.api.catalog;

/**
 * A government service center (行政/政务服务中心): one hall at one level, identified by a short id
 * chosen by the platform's operator and by its GB/T 2260 region code, which also prefixes its case
 * numbers. Every other record belongs to exactly one center.
 *
 * @param id          short stable identifier, lower-case letters, digits and dots (for example {@code hanshan})
 * @param name        the center's full name
 * @param level       province, city, county or town
 * @param regionCode  six-digit GB/T 2260 administrative region code
 * @param parentId    the id of the center one level up, or null
 * @param address     street address of the hall
 * @param officeHours office hours as published, for example {@code 周一至周五 8:30-12:00 14:30-17:30}
 */
public record Center(String id, String name, CenterLevel level, String regionCode, String parentId,
        String address, String officeHours) {
}
