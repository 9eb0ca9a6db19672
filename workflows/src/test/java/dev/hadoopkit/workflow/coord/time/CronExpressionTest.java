package dev.hadoopkit.workflow.coord.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private static List<String> next(String cron, String after, ZoneId zone, int n) {
        CronExpression c = CronExpression.parse(cron);
        ZonedDateTime t = CoordTimes.parse(after).atZone(zone);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t = c.next(t).orElseThrow();
            assertTrue(c.matches(t), t.toString());
            out.add(CoordTimes.format(t.toInstant()));
        }
        return out;
    }

    @Test
    void stepsListsAndRanges() {
        assertEquals(List.of("2013-07-18T00:15Z", "2013-07-18T00:30Z"),
                next("*/15 * * * *", "2013-07-18T00:07Z", UTC, 2));
        assertEquals(List.of("2013-07-18T00:05Z", "2013-07-18T00:10Z", "2013-07-18T00:15Z", "2013-07-18T00:20Z",
                "2013-07-18T01:05Z"), next("5-20/5 * * * *", "2013-07-18T00:00Z", UTC, 5));
        // strictly after
        assertEquals(List.of("2013-07-18T00:30Z"), next("*/15 * * * *", "2013-07-18T00:15Z", UTC, 1));
        // wrapping hour range 22-2
        assertEquals(List.of("2013-07-18T22:00Z", "2013-07-18T23:00Z", "2013-07-19T00:00Z", "2013-07-19T01:00Z",
                "2013-07-19T02:00Z", "2013-07-19T22:00Z"), next("0 22-2 * * *", "2013-07-18T12:00Z", UTC, 6));
    }

    @Test
    void weekdaysAndNames() {
        // 2013-07-19 is a Friday: next is Monday the 22nd
        assertEquals(List.of("2013-07-22T09:00Z", "2013-07-23T09:00Z"),
                next("0 9 ? * MON-FRI", "2013-07-19T09:00Z", UTC, 2));
        assertEquals(List.of("2013-07-22T09:00Z"), next("0 9 ? * 2-6", "2013-07-19T09:00Z", UTC, 1));
        // day-of-month '*' becomes '?' (Oozie), so day-of-week alone decides: Sundays of January and July
        assertEquals(List.of("2016-01-03T12:00Z", "2016-01-10T12:00Z"),
                next("0 12 * JAN,JUL SUN", "2016-01-01T00:00Z", UTC, 2));
        assertEquals(List.of("2016-07-03T12:00Z"), next("0 12 * JAN,JUL SUN", "2016-01-31T12:00Z", UTC, 1));
        // both '*': every day
        assertEquals(List.of("2016-01-01T00:01Z"), next("* * * * *", "2016-01-01T00:00Z", UTC, 1));
    }

    @Test
    void bothDayFieldsSpecificMeansEither() {
        // Oozie splits the expression in two and takes the earlier time: the 1st of the month or any Monday.
        // 2016-08-01 is a Monday, 2016-09-01 a Thursday.
        assertEquals(List.of("2016-08-08T00:00Z", "2016-08-15T00:00Z", "2016-08-22T00:00Z", "2016-08-29T00:00Z",
                "2016-09-01T00:00Z", "2016-09-05T00:00Z"), next("0 0 1 * MON", "2016-08-01T00:00Z", UTC, 6));
    }

    @Test
    void lastWeekdayNearestWeekdayAndNth() {
        assertEquals(List.of("2016-02-29T00:00Z", "2016-03-31T00:00Z", "2016-04-30T00:00Z"),
                next("0 0 L * ?", "2016-02-01T00:00Z", UTC, 3));
        assertEquals(List.of("2016-02-26T00:00Z"), next("0 0 L-3 * ?", "2016-02-01T00:00Z", UTC, 1));
        // last weekday: 2016-04-30 is a Saturday -> Friday 29th; 2016-07-31 a Sunday -> Friday 29th
        assertEquals(List.of("2016-04-29T00:00Z"), next("0 0 LW * ?", "2016-04-01T00:00Z", UTC, 1));
        assertEquals(List.of("2016-07-29T00:00Z"), next("0 0 LW * ?", "2016-07-01T00:00Z", UTC, 1));
        // 15W: 2016-05-15 is a Sunday -> Monday 16th; 2016-10-15 a Saturday -> Friday 14th
        assertEquals(List.of("2016-05-16T00:00Z"), next("0 0 15W * ?", "2016-05-01T00:00Z", UTC, 1));
        assertEquals(List.of("2016-10-14T00:00Z"), next("0 0 15W * ?", "2016-10-01T00:00Z", UTC, 1));
        // 1W never leaves the month: 2016-10-01 is a Saturday -> Monday 3rd
        assertEquals(List.of("2016-10-03T00:00Z"), next("0 0 1W * ?", "2016-09-30T00:00Z", UTC, 1));
        // third Friday (6 = FRI in Quartz numbering): 2016-07-01 is a Friday -> 15th
        assertEquals(List.of("2016-07-15T00:00Z", "2016-08-19T00:00Z"),
                next("0 0 ? * 6#3", "2016-07-01T00:00Z", UTC, 2));
        assertEquals(List.of("2016-07-15T00:00Z"), next("0 0 ? * FRI#3", "2016-07-01T00:00Z", UTC, 1));
        // last Friday
        assertEquals(List.of("2016-07-29T00:00Z", "2016-08-26T00:00Z"),
                next("0 0 ? * 6L", "2016-07-01T00:00Z", UTC, 2));
    }

    @Test
    void wallClockOfTheGivenZoneAcrossDst() {
        // 02:00 does not occur in Los Angeles on 2016-03-13: skipped (as Quartz); 2016-11-06 02:00 PST exists once.
        assertEquals(List.of("2016-03-12T10:00Z", "2016-03-14T09:00Z"),
                next("0 2 * * *", "2016-03-11T10:00Z", LA, 2));
        assertEquals(List.of("2016-11-06T10:00Z", "2016-11-07T10:00Z"),
                next("0 2 * * *", "2016-11-05T09:00Z", LA, 2));
        // the repeated hour 01:00-02:00 on 2016-11-06 is matched once (the wall clock only moves forward)
        assertEquals(List.of("2016-11-06T08:30Z", "2016-11-06T10:30Z"),
                next("30 1,2 * * *", "2016-11-06T08:00Z", LA, 2));
    }

    @Test
    void neverMatching() {
        assertEquals(Optional.empty(),
                CronExpression.parse("0 0 30 2 ?").next(ZonedDateTime.of(2016, 1, 1, 0, 0, 0, 0, UTC)));
        CronExpression leap = CronExpression.parse("0 0 29 2 ?");
        assertEquals("2020-02-29T00:00Z", CoordTimes.format(
                leap.next(ZonedDateTime.of(2016, 3, 1, 0, 0, 0, 0, UTC)).orElseThrow().toInstant()));
    }

    @Test
    void matches() {
        CronExpression c = CronExpression.parse("0 9 ? * MON-FRI");
        assertTrue(c.matches(ZonedDateTime.of(2013, 7, 19, 9, 0, 0, 0, UTC)));
        assertFalse(c.matches(ZonedDateTime.of(2013, 7, 20, 9, 0, 0, 0, UTC)));
        assertFalse(c.matches(ZonedDateTime.of(2013, 7, 19, 9, 0, 1, 0, UTC)));
        assertEquals("0 9 ? * MON-FRI", CronExpression.parse("  0  9 ?  * MON-FRI ").text());
        assertEquals(c, CronExpression.parse("0 9 ? * MON-FRI"));
    }

    @Test
    void minimumInterval() {
        assertEquals(Duration.ofMinutes(15), CronExpression.parse("*/15 * * * *").minimumInterval());
        assertEquals(Duration.ofMinutes(1), CronExpression.parse("* * * * *").minimumInterval());
        assertEquals(Duration.ofDays(1), CronExpression.parse("0 2 * * *").minimumInterval());
        assertEquals(Duration.ofMinutes(10), CronExpression.parse("0,50 * * * *").minimumInterval());
        assertEquals(Duration.ofHours(8), CronExpression.parse("0 9,17 * * *").minimumInterval());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0 25 * * *     | invalid cron expression '0 25 * * *': hour 25 is out of range 0-23",
        "60 * * * *     | invalid cron expression '60 * * * *': minute 60 is out of range 0-59",
        "0 0 32 * ?     | invalid cron expression '0 0 32 * ?': day-of-month 32 is out of range 1-31",
        "0 0 * 13 ?     | invalid cron expression '0 0 * 13 ?': month 13 is out of range 1-12",
        "0 0 ? * 0      | invalid cron expression '0 0 ? * 0': day-of-week 0 is out of range 1-7 (Oozie uses "
            + "Quartz's numbering 1=SUN..7=SAT; write 1 or SUN for Sunday)",
        "0 0 * FOO ?    | invalid cron expression '0 0 * FOO ?': month 'FOO' is not a number or a name (JAN-DEC)",
        "0 0 ? * ?      | invalid cron expression '0 0 ? * ?': '?' can be used in only one of day-of-month and "
            + "day-of-week, not both",
        "*/0 * * * *    | invalid cron expression '*/0 * * * *': minute step 0 in '*/0' must be between 1 and 59",
        "0 0 ? * MON#6  | invalid cron expression '0 0 ? * MON#6': day-of-week 'MON#6': the week number 6 after '#' "
            + "must be 1-5",
        "0 0 1,L * ?    | invalid cron expression '0 0 1,L * ?': day-of-month '1,L': L and W cannot be combined with "
            + "other days (use L, L-3, LW or 15W alone)",
        "0 ? * * *      | invalid cron expression '0 ? * * *': '?' is only allowed in day-of-month or day-of-week, "
            + "not in the hour field",
        "0 0 * *        | invalid cron expression '0 0 * *': expected 5 fields (minute hour day-of-month month "
            + "day-of-week) but found 4",
        "0 0 0 * * ?    | invalid cron expression '0 0 0 * * ?': expected 5 fields (minute hour day-of-month month "
            + "day-of-week) but found 6 (Oozie adds the seconds field itself; leave it out)",
        "a * * * *      | invalid cron expression 'a * * * *': minute 'a': 'a' is not a number",
        "0 5- * * *     | invalid cron expression '0 5- * * *': hour range '5-' must look like 5-20",
    })
    void badFieldsAreNamed(String expression, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CronExpression.parse(expression));
        assertEquals(message, e.getMessage());
    }
}
