package dev.hadoopkit.workflow.coord.time;

import dev.hadoopkit.workflow.coord.time.Frequency.Fixed;
import dev.hadoopkit.workflow.coord.time.Frequency.Unit;

/**
 * EL functions bound as coord:minutes(n) ... coord:endOfWeeks(n) (the EL evaluator binds a method {@code coord_days}
 * as {@code coord:days}). Each returns {@link Fixed#canonical()} so that the evaluated frequency attribute can be
 * handed to {@link Frequency#parse(String)}; the units are the ones Oozie stores (coord:hours gives minutes).
 */
public final class FrequencyFunctions {

    private FrequencyFunctions() {
    }

    /** coord:minutes(n): n minutes, added to the instant. */
    public static String coord_minutes(int n) {
        return new Fixed(n, Unit.MINUTE, false).canonical();
    }

    /** coord:hours(n): stored by Oozie as 60n minutes, so it is instant-based across DST changes. */
    public static String coord_hours(int n) {
        return new Fixed(Math.multiplyExact(n, 60), Unit.MINUTE, false).canonical();
    }

    /** coord:days(n): n days on the wall clock of the job's zone. */
    public static String coord_days(int n) {
        return new Fixed(n, Unit.DAY, false).canonical();
    }

    /** coord:months(n): n months on the wall clock, month ends clamped. */
    public static String coord_months(int n) {
        return new Fixed(n, Unit.MONTH, false).canonical();
    }

    /** coord:endOfDays(n): the start moves to the next midnight, then n days. */
    public static String coord_endOfDays(int n) {
        return new Fixed(n, Unit.DAY, true).canonical();
    }

    /** coord:endOfMonths(n): the start moves to the first of the next month, then n months. */
    public static String coord_endOfMonths(int n) {
        return new Fixed(n, Unit.MONTH, true).canonical();
    }

    /** coord:endOfWeeks(n): the start moves to the next Sunday midnight, then n weeks. */
    public static String coord_endOfWeeks(int n) {
        return new Fixed(n, Unit.WEEK, true).canonical();
    }
}
