package org.onestop.api.calendar;

/** Why a day is or is not a working day. */
public enum DayKind {
    /** An ordinary Monday to Friday (工作日). */
    WEEKDAY("工作日", true),
    /** An ordinary Saturday or Sunday (周末). */
    WEEKEND("周末", false),
    /** A statutory holiday (法定节假日). */
    HOLIDAY("法定节假日", false),
    /** A weekend day made a working day by the notice (调休上班). */
    MAKE_UP_WORKDAY("调休上班", true),
    /** A day the center closes on its own (本中心休息日). */
    CENTER_OFF("本中心休息日", false),
    /** A day the center opens on its own (本中心工作日). */
    CENTER_WORKDAY("本中心工作日", true);

    private final String label;
    private final boolean working;

    DayKind(String label, boolean working) {
        this.label = label;
        this.working = working;
    }

    public String label() {
        return label;
    }

    public boolean working() {
        return working;
    }
}
