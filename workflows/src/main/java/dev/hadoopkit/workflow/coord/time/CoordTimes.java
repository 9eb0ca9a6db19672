package dev.hadoopkit.workflow.coord.time;

import java.text.SimpleDateFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oozie's coordinator date-times ("2009-01-01T01:00Z", minute precision) and the EL helpers built on them
 * (coord:formatTime, coord:dateOffset, coord:dateTzOffset, coord:epochTime), with Oozie's processing zone UTC.
 */
public final class CoordTimes {

    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(Z|[+-]\\d{4})");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UTC_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern GMT_OFFSET_WITHOUT_COLON = Pattern.compile("GMT([+-])(\\d{2})(\\d{2})");
    private static final String FORMATS = "expected yyyy-MM-dd'T'HH:mm'Z' (UTC, e.g. 2009-01-01T01:00Z) or "
            + "yyyy-MM-dd'T'HH:mm+HHmm (e.g. 2009-01-01T06:30+0530)";

    private CoordTimes() {
    }

    /**
     * Parses "2009-01-01T01:00Z" (Oozie's UTC format) and "2009-01-01T01:00+0530"; IllegalArgumentException naming
     * the expected format. Strict like Oozie (no December 50th).
     */
    public static Instant parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("date-time is missing: " + FORMATS);
        }
        String t = text.trim();
        Matcher m = DATE_TIME.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid date-time '" + text + "': " + FORMATS);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(m.group(1), LOCAL);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid date-time '" + text + "': " + m.group(1)
                    + " is not a valid date and time (" + e.getMessage() + "); " + FORMATS);
        }
        ZoneOffset offset;
        if (m.group(2).equals("Z")) {
            offset = ZoneOffset.UTC;
        } else {
            String o = m.group(2);
            try {
                offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(o.substring(0, 3)),
                        Integer.parseInt(o.charAt(0) + o.substring(3)));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("invalid date-time '" + text + "': offset " + o
                        + " is out of range; " + FORMATS);
            }
        }
        return local.toInstant(offset);
    }

    /** yyyy-MM-dd'T'HH:mm'Z' in UTC (seconds are dropped, as Oozie's mask drops them). */
    public static String format(Instant instant) {
        return UTC_FORMAT.format(instant);
    }

    /** coord:formatTime(dateTime, pattern): the time formatted with a java.text.SimpleDateFormat pattern, in UTC. */
    public static String formatTime(String dateTime, String javaSimpleDateFormatPattern) {
        Instant t = parse(dateTime);
        SimpleDateFormat format;
        try {
            format = new SimpleDateFormat(javaSimpleDateFormatPattern);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("coord:formatTime: invalid format '" + javaSimpleDateFormatPattern
                    + "' (" + e.getMessage() + "); use java.text.SimpleDateFormat letters, e.g. 'yyyyMMdd'");
        }
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(Date.from(t));
    }

    /**
     * coord:dateOffset(dateTime, amount, unit): moved by amount × unit (MINUTE, HOUR, DAY, WEEK, MONTH, YEAR) in UTC,
     * month ends clamped.
     */
    public static String dateOffset(String dateTime, int amount, String unit) {
        int field = OozieCalendar.offsetField(unit, "coord:dateOffset");
        return format(OozieCalendar.add(parse(dateTime), ZoneOffset.UTC, field, amount));
    }

    /**
     * coord:dateTzOffset(dateTime, timezone): the wall clock of that instant in the given zone, written in Oozie's
     * format (so still with the trailing 'Z', as Oozie does: "2012-06-13T00:00Z" in America/Los_Angeles is
     * "2012-06-12T17:00Z").
     */
    public static String dateTzOffset(String dateTime, String timezone) {
        Instant t = parse(dateTime);
        ZoneId z = zone(timezone);
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").format(t.atZone(z));
    }

    /** coord:epochTime(dateTime, millis): seconds (or milliseconds) since 1970-01-01T00:00Z. */
    public static String epochTime(String dateTime, boolean millis) {
        long ms = parse(dateTime).toEpochMilli();
        return Long.toString(millis ? ms : ms / 1000);
    }

    /**
     * A zone as Oozie accepts it (DateUtils.getTimeZone): "UTC", "GMT+05:30" (or "GMT+0530"), region ids such as
     * "America/Los_Angeles", and the JDK's three-letter ids (which Oozie accepts with a warning).
     * IllegalArgumentException for unknown ones.
     */
    public static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            throw new IllegalArgumentException("time zone is missing: use e.g. UTC, GMT+05:30 or America/Los_Angeles");
        }
        String id = timezone.trim();
        Matcher m = GMT_OFFSET_WITHOUT_COLON.matcher(id);
        if (m.matches()) {
            id = "GMT" + m.group(1) + m.group(2) + ":" + m.group(3);
        }
        // Oozie's test: TimeZone.getTimeZone returns GMT for ids it does not know, so the id must come back unchanged.
        if (!TimeZone.getTimeZone(id).getID().equals(id)) {
            throw new IllegalArgumentException("unknown time zone '" + timezone + "': use UTC, an offset such as "
                    + "GMT+05:30 or GMT-0800, or a region such as America/Los_Angeles or Europe/Berlin");
        }
        try {
            return ZoneId.of(id, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            // a JDK TimeZone id java.time does not know (rare legacy ids): use the same rules through TimeZone
            return TimeZone.getTimeZone(id).toZoneId();
        }
    }

}
