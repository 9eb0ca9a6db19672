package dev.hadoopkit.workflow.coord.time;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Oozie's date arithmetic, done the way Oozie does it: with {@link GregorianCalendar#add} in the job's or dataset's
 * zone. Using the same JDK class (rather than re-deriving the rules with java.time) is what makes DST and month-end
 * results identical to Oozie's: minutes and hours are added to the instant, days, weeks and months to the wall clock
 * (a wall-clock time in a DST gap is resolved as Calendar resolves it), and month ends are clamped.
 *
 * <p>The week starts on Sunday (Oozie runs with the JVM's default locale; en_US is assumed).
 */
final class OozieCalendar {

    /** The first day of the week used by end-of-week, as on an en_US Oozie server. */
    static final Locale WEEK_LOCALE = Locale.US;

    private OozieCalendar() {
    }

    static GregorianCalendar calendar(Instant instant, ZoneId zone) {
        GregorianCalendar cal = new GregorianCalendar(TimeZone.getTimeZone(zone), WEEK_LOCALE);
        cal.setTimeInMillis(instant.toEpochMilli());
        return cal;
    }

    /** The Calendar field Oozie's TimeUnit maps a unit to. */
    static int field(Frequency.Unit unit) {
        return switch (unit) {
            case MINUTE -> Calendar.MINUTE;
            case HOUR -> Calendar.HOUR;
            case DAY -> Calendar.DATE;
            case WEEK -> Calendar.WEEK_OF_YEAR;
            case MONTH -> Calendar.MONTH;
        };
    }

    /**
     * The Calendar field for an offset unit name as coord:offset and coord:dateOffset accept it
     * (Oozie's TimeUnit.valueOf), or IllegalArgumentException listing the accepted names.
     */
    static int offsetField(String unit, String function) {
        if (unit != null) {
            switch (unit.trim().toUpperCase(Locale.ROOT)) {
                case "MINUTE": return Calendar.MINUTE;
                case "HOUR": return Calendar.HOUR;
                case "DAY": return Calendar.DATE;
                case "WEEK": return Calendar.WEEK_OF_YEAR;
                case "MONTH": return Calendar.MONTH;
                case "YEAR": return Calendar.YEAR;
                default: break;
            }
        }
        throw new IllegalArgumentException("invalid time unit '" + unit + "' for " + function
                + ": use one of MINUTE, HOUR, DAY, WEEK, MONTH, YEAR");
    }

    /** {@code instant} + amount × unit in {@code zone}, as Calendar.add does it. */
    static Instant add(Instant instant, ZoneId zone, int calendarField, long amount) {
        if (calendarField == Calendar.MINUTE) {
            return instant.plusSeconds(Math.multiplyExact(amount, 60L));
        }
        if (calendarField == Calendar.HOUR || calendarField == Calendar.HOUR_OF_DAY) {
            return instant.plusSeconds(Math.multiplyExact(amount, 3600L));
        }
        GregorianCalendar cal = calendar(instant, zone);
        cal.add(calendarField, Math.toIntExact(amount));
        return Instant.ofEpochMilli(cal.getTimeInMillis());
    }

    static Instant add(Instant instant, ZoneId zone, Frequency.Unit unit, long amount) {
        return add(instant, zone, field(unit), amount);
    }

    /**
     * Oozie's DateUtils.moveToEnd: end of day is the next midnight (always the next one, even from a midnight), end
     * of month the first of the next month, end of week the next Sunday 00:00 (the Sunday after this week's).
     */
    static Instant moveToEnd(Instant instant, ZoneId zone, Frequency.Fixed frequency) {
        if (!frequency.endOf()) {
            return instant;
        }
        GregorianCalendar cal = calendar(instant, zone);
        switch (frequency.unit()) {
            case DAY -> cal.add(Calendar.DAY_OF_MONTH, 1);
            case MONTH -> {
                cal.add(Calendar.MONTH, 1);
                cal.set(Calendar.DAY_OF_MONTH, 1);
            }
            case WEEK -> {
                cal.add(Calendar.WEEK_OF_YEAR, 1);
                cal.set(Calendar.DAY_OF_WEEK, cal.getFirstDayOfWeek());
            }
            default -> throw new IllegalStateException("end-of with " + frequency.unit());
        }
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        return Instant.ofEpochMilli(cal.getTimeInMillis());
    }

    /**
     * Oozie's DaylightOffsetCalculator.getDSTOffset: +DST saving when {@code begin} is in daylight time and
     * {@code end} is not, -DST saving when it is the other way round, else 0 (milliseconds).
     */
    static long dstOffset(ZoneId zone, Instant begin, Instant end) {
        TimeZone tz = TimeZone.getTimeZone(zone);
        Date b = Date.from(begin);
        Date e = Date.from(end);
        if (tz.inDaylightTime(b) && !tz.inDaylightTime(e)) {
            return calendar(begin, zone).get(Calendar.DST_OFFSET);
        }
        if (!tz.inDaylightTime(b) && tz.inDaylightTime(e)) {
            return -calendar(end, zone).get(Calendar.DST_OFFSET);
        }
        return 0;
    }
}
