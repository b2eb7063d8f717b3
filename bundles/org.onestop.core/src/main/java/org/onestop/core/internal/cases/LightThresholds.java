package org.onestop.core.internal.cases;

/**
 * When a running case turns yellow (黄灯预警): when the working days left are at most {@code days}, or at
 * most {@code percent} of the limit, whichever comes first. The e-monitoring module will own these per
 * center; until then one pair serves every center.
 *
 * @param days    working days left that turn the light yellow, at least 0
 * @param percent share of the limit left that turns the light yellow, 0 to 100
 */
public record LightThresholds(int days, int percent) {

    /** 1 working day or 20% of the limit left. */
    public static final LightThresholds DEFAULT = new LightThresholds(1, 20);

    public LightThresholds {
        if (days < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("light thresholds out of range: " + days + " days, " + percent + "%");
        }
    }

    /** The working days left at or below which a case with {@code limit} days is yellow. */
    int yellowAt(int limit) {
        return Math.max(days, (int) Math.ceil(limit * percent / 100.0));
    }
}
