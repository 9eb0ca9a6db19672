package dev.hadoopkit.workflow.coord.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The times origin + k × step (k any long) of a fixed frequency, each computed from the origin (never by repeated
 * adding), as Oozie computes action nominal times. Strictly increasing in k, so the index of a time can be found by
 * estimating and correcting, in O(1) calendar operations.
 */
record Grid(Instant origin, ZoneId zone, Frequency.Fixed frequency) {

    Instant at(long k) {
        return OozieCalendar.add(origin, zone, frequency.unit(), Math.multiplyExact(k, (long) frequency.amount()));
    }

    /** The largest k with at(k) <= t (negative when t is before the origin). */
    long floorIndex(Instant t) {
        long k = estimate(t);
        while (at(k).isAfter(t)) {
            k--;
        }
        while (!at(k + 1).isAfter(t)) {
            k++;
        }
        return k;
    }

    private long estimate(Instant t) {
        long millis = Duration.between(origin, t).toMillis();
        long stepMillis = switch (frequency.unit()) {
            case MINUTE -> 60_000L;
            case HOUR -> 3_600_000L;
            case DAY -> 86_400_000L;
            case WEEK -> 7 * 86_400_000L;
            case MONTH -> 2_629_746_000L; // average Gregorian month
        } * frequency.amount();
        return Math.floorDiv(millis, stepMillis);
    }
}
