package dev.hadoopkit.workflow.coord.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The nominal times of a coordinator's actions, as Oozie 5.2 materializes them (CoordMaterializeTransitionXCommand).
 *
 * <p>Fixed frequencies: action n (1-based) = start + (n-1) × frequency, always computed from the original start in
 * the job's zone (never by adding to the previous action), so coord:days keeps the wall-clock time across DST,
 * coord:hours/minutes are instant-based, and coord:months clamps month ends without drifting (Jan 31, Feb 28, Mar 31).
 * With endOfDays/endOfWeeks/endOfMonths the start is first moved to the end of its day/week/month.
 *
 * <p>Cron frequencies: Oozie evaluates the expression in its processing zone (UTC unless oozie.processing.timezone
 * says otherwise), not in the job's zone. The first action is the first match at or after start, each next one the
 * next match; when two consecutive matches are a day or more apart the nominal time is shifted by the DST difference
 * between the job's start and that match in the job's zone (Oozie's addDSTChangeToNominalTime, OOZIE-2494), which keeps
 * daily and monthly crons on the job zone's wall clock while hourly ones stay instant-based. An action exists while the
 * unshifted match is before end, as in Oozie.
 *
 * <p>Only times before end exist. Thread-safe; cron times are computed lazily and remembered (the last one, and a
 * checkpoint every 1024 actions) so that sequential access is cheap.
 */
public final class NominalTimes {

    private static final int CHECKPOINT_EVERY = 1024;
    private static final long ONE_DAY_MILLIS = 86_400_000L;

    private final Instant start;
    private final Instant end;
    private final ZoneId zone;
    private final Frequency frequency;
    private final ZoneId processingZone;
    private final Grid grid;
    private final long fixedTotal;

    // cron state, guarded by this
    private long[] checkpoints = new long[16]; // raw (unshifted) match of action 1 + k * CHECKPOINT_EVERY
    private long[] previousOfCheckpoint = new long[16]; // the raw match before each checkpoint (for the DST shift)
    private int checkpointCount;
    private int lastN;          // the last action computed (0 = none yet)
    private long lastRaw;       // its raw match
    private long lastPrevRaw;   // the raw match before it (start - 1 minute for action 1)
    private long cronTotal = -1;

    /** Oozie's default: cron frequencies are evaluated in UTC. */
    public NominalTimes(Instant start, Instant end, ZoneId zone, Frequency frequency) {
        this(start, end, zone, frequency, ZoneOffset.UTC);
    }

    /** With the Oozie server's processing zone (oozie.processing.timezone), which only matters for cron frequencies. */
    public NominalTimes(Instant start, Instant end, ZoneId zone, Frequency frequency, ZoneId processingZone) {
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.frequency = Objects.requireNonNull(frequency, "frequency");
        this.processingZone = Objects.requireNonNull(processingZone, "processingZone");
        if (frequency instanceof Frequency.Fixed fixed) {
            Instant origin = OozieCalendar.moveToEnd(start, zone, fixed);
            this.grid = new Grid(origin, zone, fixed);
            this.fixedTotal = origin.isBefore(end) ? grid.floorIndex(end.minusNanos(1)) + 1 : 0;
        } else {
            this.grid = null;
            this.fixedTotal = -1;
        }
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public ZoneId zone() {
        return zone;
    }

    public Frequency frequency() {
        return frequency;
    }

    /**
     * Nominal time of action n (n >= 1), empty at/after end. O(1) for fixed frequencies; for cron it walks from the
     * nearest remembered action.
     */
    public Optional<Instant> time(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("action number " + n + " is invalid: actions are numbered from 1");
        }
        if (grid != null) {
            return n <= fixedTotal ? Optional.of(grid.at(n - 1L)) : Optional.empty();
        }
        synchronized (this) {
            return walkTo(n) ? Optional.of(Instant.ofEpochMilli(shifted(lastPrevRaw, lastRaw))) : Optional.empty();
        }
    }

    /** The number of actions whose nominal time is <= t (0 when t is before the first). O(1) for fixed frequencies. */
    public int countUpTo(Instant t) {
        if (grid != null) {
            if (t.isBefore(grid.origin())) {
                return 0;
            }
            return (int) Math.min(Integer.MAX_VALUE, Math.min(grid.floorIndex(t) + 1, fixedTotal));
        }
        synchronized (this) {
            // Resume from the latest checkpoint whose (unshifted) time is safely before t.
            long safe = t.toEpochMilli() - ONE_DAY_MILLIS;
            int idx = Arrays.binarySearch(checkpoints, 0, checkpointCount, safe);
            int cp = idx >= 0 ? idx : -idx - 2;
            int n = cp >= 0 ? cp * CHECKPOINT_EVERY + 1 : 1;
            if (lastN > n && lastN > 0 && shifted(lastPrevRaw, lastRaw) <= t.toEpochMilli()) {
                n = lastN;
            }
            int count = n - 1;
            while (walkTo(n) && shifted(lastPrevRaw, lastRaw) <= t.toEpochMilli()) {
                count = n;
                if (n == Integer.MAX_VALUE) {
                    break;
                }
                n++;
            }
            return count;
        }
    }

    /**
     * Total number of actions before end. O(1) for fixed frequencies; for cron it walks through all of them once
     * (a cron job of every minute for ten years is five million steps).
     */
    public long totalActions() {
        if (grid != null) {
            return fixedTotal;
        }
        synchronized (this) {
            if (cronTotal < 0) {
                int n = Math.max(lastN, 1);
                if (walkTo(n)) {
                    while (n < Integer.MAX_VALUE && walkTo(n + 1)) {
                        n++;
                    }
                }
            }
            return cronTotal;
        }
    }

    /** Oozie's addDSTChangeToNominalTime: only steps of a day or more are moved by the DST difference to start. */
    private long shifted(long prevRaw, long raw) {
        if (Math.abs(raw - prevRaw) / 1000 < ONE_DAY_MILLIS / 1000) {
            return raw;
        }
        return raw + OozieCalendar.dstOffset(zone, start, Instant.ofEpochMilli(raw));
    }

    /** Moves the cron cursor to action n; false when action n does not exist. Caller holds the lock. */
    private boolean walkTo(int n) {
        if (cronTotal >= 0 && n > cronTotal) {
            return false;
        }
        if (lastN == 0 || n < lastN) {
            // restart from the checkpoint at or before n
            int cp = Math.min((n - 1) / CHECKPOINT_EVERY, checkpointCount - 1);
            if (cp < 0) {
                long prev = start.toEpochMilli() - 60_000L;
                Optional<Long> first = nextRaw(prev);
                if (first.isEmpty()) {
                    cronTotal = 0;
                    return false;
                }
                lastN = 1;
                lastPrevRaw = prev;
                lastRaw = first.get();
                remember();
            } else {
                lastN = cp * CHECKPOINT_EVERY + 1;
                lastRaw = checkpoints[cp];
                lastPrevRaw = previousOfCheckpoint[cp];
            }
        }
        while (lastN < n) {
            Optional<Long> next = nextRaw(lastRaw);
            if (next.isEmpty()) {
                cronTotal = lastN;
                return false;
            }
            lastPrevRaw = lastRaw;
            lastRaw = next.get();
            lastN++;
            remember();
        }
        return true;
    }

    private void remember() {
        if ((lastN - 1) % CHECKPOINT_EVERY == 0) {
            int cp = (lastN - 1) / CHECKPOINT_EVERY;
            if (cp == checkpointCount) {
                if (checkpointCount == checkpoints.length) {
                    checkpoints = Arrays.copyOf(checkpoints, checkpointCount * 2);
                    previousOfCheckpoint = Arrays.copyOf(previousOfCheckpoint, checkpointCount * 2);
                }
                checkpoints[cp] = lastRaw;
                previousOfCheckpoint[cp] = lastPrevRaw;
                checkpointCount++;
            }
        }
    }

    /** The next raw cron match after {@code afterMillis} that is before end. */
    private Optional<Long> nextRaw(long afterMillis) {
        CronExpression cron = ((Frequency.Cron) frequency).expression();
        return cron.next(ZonedDateTime.ofInstant(Instant.ofEpochMilli(afterMillis), processingZone))
                .map(z -> z.toInstant().toEpochMilli())
                .filter(m -> m < end.toEpochMilli());
    }
}
