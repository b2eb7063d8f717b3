package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * A breach of one of the center's rules, recorded on the case for the monitor (违反制度记录).
 *
 * @param rule   the rule broken
 * @param on     the day
 * @param actor  whose act broke it
 * @param detail what happened
 */
public record Breach(BreachRule rule, LocalDate on, String actor, String detail) {
}
