package org.onestop.api.cases;

/** A rule of the center's service system whose breach the platform records (违反制度). */
public enum BreachRule {
    /** 一次性告知制: a second notice flagged a material that was present and unflagged at the first */
    ONE_TIME_NOTICE("一次性告知制"),
    /** 两次终结制: a case complete at intake needed a third visit */
    TWO_VISITS("两次终结制");

    private final String label;

    BreachRule(String label) {
        this.label = label;
    }

    /** The name clerks and documents use. */
    public String label() {
        return label;
    }
}
