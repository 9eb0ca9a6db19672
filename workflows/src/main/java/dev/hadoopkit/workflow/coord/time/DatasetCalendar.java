package dev.hadoopkit.workflow.coord.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset's instances: initial-instance, frequency, timezone (Oozie's {@code <dataset>}), and Oozie's
 * coord:current / coord:offset / coord:absolute arithmetic on them (CoordELFunctions, Oozie 5.2).
 *
 * <p>Instance k is initial-instance + k × frequency, computed from the initial instance in the dataset's zone (so a
 * daily dataset keeps its wall-clock time across DST and an hourly one does not). With endOfDays/Weeks/Months the
 * initial instance is first moved to the end of its day/week/month, as Oozie does. The dataset's zone and frequency
 * are independent of the coordinator's: only the action's nominal time (an instant) links them.
 *
 * <p>A dataset frequency must be fixed; Oozie's dataset functions only know fixed frequencies.
 */
public record DatasetCalendar(Instant initialInstance, Frequency frequency, ZoneId zone) {

    public DatasetCalendar {
        Objects.requireNonNull(initialInstance, "initialInstance");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(zone, "zone");
        if (!(frequency instanceof Frequency.Fixed)) {
            throw new IllegalArgumentException("dataset frequency '" + frequency.canonical() + "' is a cron "
                    + "expression; datasets need a fixed frequency such as ${coord:hours(1)} or ${coord:days(1)}");
        }
    }

    /** The initial instance after Oozie's end-of move (the instance counted as number 0). */
    public Instant effectiveInitialInstance() {
        return OozieCalendar.moveToEnd(initialInstance, zone, fixed());
    }

    /**
     * coord:current(n) for an action of the given nominal time: the latest dataset instance at or before the nominal
     * time, shifted by n instances (Oozie's getCurrentInstance / coord_currentRange_sync). Empty when the nominal time
     * or the shifted instance is before the initial instance (Oozie then resolves to an empty string).
     */
    public Optional<Instant> current(Instant nominalTime, int n) {
        Current c = currentInstance(nominalTime);
        if (c == null) {
            return Optional.empty();
        }
        Instant init = effectiveInitialInstance();
        Instant result = OozieCalendar.add(init, zone, fixed().unit(), (long) (c.count + n) * fixed().amount());
        return result.isBefore(init) ? Optional.empty() : Optional.of(result);
    }

    /**
     * coord:offset(n, unit) (unit MINUTE, HOUR, DAY, MONTH or YEAR; WEEK too, as Oozie's TimeUnit): current(0) moved
     * by n units in the dataset's zone and then back to the latest instance at or before it, so the result always is an
     * instance (Oozie never fails because the offset falls between instances; it rounds down). Empty when that is
     * before the initial instance or the nominal time is.
     */
    public Optional<Instant> offset(Instant nominalTime, int amount, String unit) {
        int field = OozieCalendar.offsetField(unit, "coord:offset");
        Current c = currentInstance(nominalTime);
        if (c == null) {
            return Optional.empty();
        }
        GregorianCalendar raw = (GregorianCalendar) c.calendar.clone();
        raw.add(field, amount);
        Instant rawTime = Instant.ofEpochMilli(raw.getTimeInMillis());
        Instant init = effectiveInitialInstance();
        if (rawTime.isBefore(init)) {
            return Optional.empty();
        }
        Frequency.Fixed f = fixed();
        // Oozie walks one frequency step at a time from the initial instance; for minutes and hours that is the
        // same as counting from it directly, so jump there instead of looping.
        long count;
        Instant stepped;
        if (f.unit() == Frequency.Unit.MINUTE || f.unit() == Frequency.Unit.HOUR) {
            count = new Grid(init, zone, f).floorIndex(rawTime);
            stepped = OozieCalendar.add(init, zone, f.unit(), count * f.amount());
        } else {
            GregorianCalendar cal = OozieCalendar.calendar(init, zone);
            int fieldOfFreq = OozieCalendar.field(f.unit());
            count = 0;
            while (cal.getTimeInMillis() < raw.getTimeInMillis()) {
                cal.add(fieldOfFreq, f.amount());
                count++;
            }
            if (cal.getTimeInMillis() > raw.getTimeInMillis()) {
                cal.add(fieldOfFreq, -f.amount());
                count--;
            }
            stepped = Instant.ofEpochMilli(cal.getTimeInMillis());
        }
        Instant counted = OozieCalendar.add(init, zone, f.unit(), count * f.amount());
        if (!counted.equals(stepped)) {
            throw new IllegalStateException("coord:offset(" + amount + ", " + unit + ") cannot be resolved for "
                    + "nominal time " + CoordTimes.format(nominalTime) + ": stepping from initial-instance "
                    + CoordTimes.format(init) + " one " + f.canonical() + " at a time reaches "
                    + CoordTimes.format(stepped) + " but instance " + count + " is " + CoordTimes.format(counted)
                    + " (month ends are clamped differently); Oozie fails here too. Use an initial-instance on day 28 "
                    + "or earlier of its month, or coord:current instead");
        }
        return Optional.of(stepped);
    }

    /**
     * coord:absolute(dateTime): that instance, which must not be before the initial instance and must be on the
     * dataset's grid (as Oozie's ph2_coord_absolute_range checks), else IllegalArgumentException.
     */
    public Instant absolute(Instant instance) {
        Current c = currentInstance(instance);
        Instant init = effectiveInitialInstance();
        if (c == null) {
            throw new IllegalArgumentException("coord:absolute(" + CoordTimes.format(instance) + ") is before the "
                    + "dataset's initial-instance " + CoordTimes.format(init) + ": initial-instance must be equal to "
                    + "or earlier than the start instance");
        }
        if (c.calendar.getTimeInMillis() != instance.toEpochMilli()) {
            Instant before = Instant.ofEpochMilli(c.calendar.getTimeInMillis());
            throw new IllegalArgumentException("coord:absolute(" + CoordTimes.format(instance) + ") is not in phase "
                    + "with the dataset's initial-instance " + CoordTimes.format(init) + " and frequency "
                    + fixed().canonical() + ": the nearest instance at or before it is " + CoordTimes.format(before));
        }
        return instance;
    }

    /**
     * The instance {@code steps} frequency steps after {@code instance} (negative = before), counted from the initial
     * instance as Oozie counts instances (so month ends do not drift); used by latest/future scanning.
     * IllegalArgumentException when {@code instance} is not an instance of this dataset.
     */
    public Instant step(Instant instance, int steps) {
        Grid grid = new Grid(effectiveInitialInstance(), zone, fixed());
        long k = grid.floorIndex(instance);
        if (!grid.at(k).equals(instance)) {
            throw new IllegalArgumentException(CoordTimes.format(instance) + " is not an instance of the dataset with "
                    + "initial-instance " + CoordTimes.format(grid.origin()) + " and frequency " + fixed().canonical()
                    + ": the nearest instance at or before it is " + CoordTimes.format(grid.at(k)));
        }
        return grid.at(k + steps);
    }

    /**
     * The index of current(0) counted from the initial instance (0 = initial instance), or empty before it; what Oozie
     * subtracts in coord:absoluteRange and latest/future ranges.
     */
    public Optional<Integer> currentIndex(Instant nominalTime) {
        Current c = currentInstance(nominalTime);
        return c == null ? Optional.empty() : Optional.of(c.count);
    }

    private Frequency.Fixed fixed() {
        return (Frequency.Fixed) frequency;
    }

    /** current(0) as Oozie's getCurrentInstance computes it: the calendar it ends on and the instance count. */
    private record Current(GregorianCalendar calendar, int count) {
    }

    /**
     * A port of Oozie's getCurrentInstance (the algorithm, not the code): estimate the instance count from the elapsed
     * time (months by calendar month), jump there, then step forward past the effective time and one step back.
     * The stepping is what Oozie does, so its month-end clamping results are reproduced too.
     */
    private Current currentInstance(Instant effectiveTime) {
        Frequency.Fixed f = fixed();
        Instant init = effectiveInitialInstance();
        if (init.isAfter(effectiveTime)) {
            return null;
        }
        GregorianCalendar current = OozieCalendar.calendar(init, zone);
        long elapsed = effectiveTime.toEpochMilli() - init.toEpochMilli();
        long count = switch (f.unit()) {
            case MINUTE -> elapsed / 60_000L;
            case HOUR -> elapsed / 3_600_000L;
            case DAY -> elapsed / 86_400_000L;
            case WEEK -> elapsed / (7 * 86_400_000L);
            case MONTH -> {
                GregorianCalendar eff = OozieCalendar.calendar(effectiveTime, zone);
                yield (eff.get(Calendar.YEAR) - current.get(Calendar.YEAR)) * 12L
                        + eff.get(Calendar.MONTH) - current.get(Calendar.MONTH);
            }
        };
        int field = OozieCalendar.field(f.unit());
        if (count > 2) {
            count = count / f.amount();
            current.add(field, Math.toIntExact(count * f.amount()));
        } else {
            count = 0;
        }
        while (current.getTimeInMillis() <= effectiveTime.toEpochMilli()) {
            current.add(field, f.amount());
            count++;
        }
        current.add(field, -f.amount());
        count--;
        return new Current(current, Math.toIntExact(count));
    }
}
