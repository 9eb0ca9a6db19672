package dev.hadoopkit.workflow.coord.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected values are Oozie 5.2's (its tests, or Calendar arithmetic in the job's zone, as Oozie does it). */
class NominalTimesTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant t(String s) {
        return CoordTimes.parse(s);
    }

    private static List<String> first(NominalTimes times, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            times.time(i).ifPresent(x -> out.add(CoordTimes.format(x)));
        }
        return out;
    }

    private static NominalTimes fixed(String start, String end, ZoneId zone, String frequency) {
        return new NominalTimes(t(start), t(end), zone, Frequency.parse(frequency));
    }

    /** Asserts the first {@code n} nominal times (fewer if the end comes first) of a job from start to end. */
    private static void assertFirst(String start, String end, ZoneId zone, String frequency, int n,
            List<String> expected) {
        assertEquals(expected, first(fixed(start, end, zone, frequency), n));
    }

    @Test
    void dailyKeepsWallClockAcrossDstInLosAngeles() {
        // 10:00 local every day: 18:00Z in PST, 17:00Z in PDT.
        assertFirst("2016-03-11T18:00Z", "2016-03-20T00:00Z", LA, FrequencyFunctions.coord_days(1), 4,
                List.of("2016-03-11T18:00Z", "2016-03-12T18:00Z", "2016-03-13T17:00Z", "2016-03-14T17:00Z"));
        assertFirst("2016-11-05T17:00Z", "2016-11-20T00:00Z", LA, FrequencyFunctions.coord_days(1), 3,
                List.of("2016-11-05T17:00Z", "2016-11-06T18:00Z", "2016-11-07T18:00Z"));
    }

    @Test
    void dailyAtTwoInTheMorningFollowsJavaCalendarInsideTheDstGap() {
        // 02:00 does not exist on 2016-03-13 in Los Angeles; Oozie's Calendar.add gives 01:00 PST (09:00Z) that day,
        // and 02:00 PDT again the next day. In November 02:00 PST is unambiguous.
        assertFirst("2016-03-11T10:00Z", "2016-04-01T00:00Z", LA, FrequencyFunctions.coord_days(1), 4,
                List.of("2016-03-11T10:00Z", "2016-03-12T10:00Z", "2016-03-13T09:00Z", "2016-03-14T09:00Z"));
        assertFirst("2016-11-05T09:00Z", "2016-12-01T00:00Z", LA, FrequencyFunctions.coord_days(1), 3,
                List.of("2016-11-05T09:00Z", "2016-11-06T10:00Z", "2016-11-07T10:00Z"));
    }

    @Test
    void dailyAcrossDstInBerlin() {
        // 02:00 Berlin: gap on 2016-03-27 (Calendar gives 01:00 CET), overlap on 2016-10-30 (the earlier, CEST).
        assertFirst("2016-03-26T01:00Z", "2016-04-01T00:00Z", BERLIN, FrequencyFunctions.coord_days(1), 3,
                List.of("2016-03-26T01:00Z", "2016-03-27T00:00Z", "2016-03-28T00:00Z"));
        assertFirst("2016-10-29T00:00Z", "2016-11-05T00:00Z", BERLIN, FrequencyFunctions.coord_days(1), 3,
                List.of("2016-10-29T00:00Z", "2016-10-30T00:00Z", "2016-10-31T01:00Z"));
        // 12:00 Berlin: 11:00Z in CET, 10:00Z in CEST
        assertFirst("2016-03-26T11:00Z", "2016-04-01T00:00Z", BERLIN, FrequencyFunctions.coord_days(1), 2,
                List.of("2016-03-26T11:00Z", "2016-03-27T10:00Z"));
    }

    @Test
    void hourlyIsInstantBasedAcrossDst() {
        // coord:hours(1) is stored as 60 minutes: every 60 minutes, whatever the wall clock does.
        assertFirst("2016-03-13T08:00Z", "2016-03-13T12:00Z", LA, FrequencyFunctions.coord_hours(1), 5,
                List.of("2016-03-13T08:00Z", "2016-03-13T09:00Z", "2016-03-13T10:00Z", "2016-03-13T11:00Z"));
        assertFirst("2016-11-06T07:00Z", "2016-11-06T11:00Z", LA, FrequencyFunctions.coord_hours(1), 5,
                List.of("2016-11-06T07:00Z", "2016-11-06T08:00Z", "2016-11-06T09:00Z", "2016-11-06T10:00Z"));
        // Oozie's testWhenDSTStartsELFrequencyEveryTwentiethHour (LA wall clock 05:10, 01:10, 22:10 PDT, ...)
        assertFirst("2016-03-12T13:10Z", "2016-03-16T00:00Z", LA, FrequencyFunctions.coord_hours(20), 6,
                List.of("2016-03-12T13:10Z", "2016-03-13T09:10Z", "2016-03-14T05:10Z", "2016-03-15T01:10Z",
                        "2016-03-15T21:10Z"));
    }

    @Test
    void monthlyClampsMonthEndsFromTheOriginalStart() {
        assertEquals(List.of("2015-01-31T00:00Z", "2015-02-28T00:00Z", "2015-03-31T00:00Z", "2015-04-30T00:00Z",
                "2015-05-31T00:00Z"), first(fixed("2015-01-31T00:00Z", "2016-01-01T00:00Z", ZoneOffset.UTC,
                FrequencyFunctions.coord_months(1)), 5));
        assertEquals(List.of("2016-01-31T00:00Z", "2016-02-29T00:00Z", "2016-03-31T00:00Z"),
                first(fixed("2016-01-31T00:00Z", "2017-01-01T00:00Z", ZoneOffset.UTC, "1 MONTH"), 3));
        assertEquals(List.of("2015-01-29T00:00Z", "2015-02-28T00:00Z", "2015-03-29T00:00Z"),
                first(fixed("2015-01-29T00:00Z", "2016-01-01T00:00Z", ZoneOffset.UTC, "1 MONTH"), 3));
        assertEquals(List.of("2015-01-30T00:00Z", "2015-02-28T00:00Z", "2015-03-30T00:00Z", "2015-04-30T00:00Z"),
                first(fixed("2015-01-30T00:00Z", "2016-01-01T00:00Z", ZoneOffset.UTC, "1 MONTH"), 4));
        assertEquals(List.of("2016-02-29T00:00Z", "2017-02-28T00:00Z", "2018-02-28T00:00Z", "2019-02-28T00:00Z",
                "2020-02-29T00:00Z"), first(fixed("2016-02-29T00:00Z", "2021-01-01T00:00Z", ZoneOffset.UTC,
                FrequencyFunctions.coord_months(12)), 5));
        // Oozie's testWhenChangingDSTCronAndELMonthlyFrequenciesEqual: 15:10 in Los Angeles on the 1st
        assertEquals(List.of("2016-03-01T23:10Z", "2016-04-01T22:10Z", "2016-11-01T22:10Z", "2016-12-01T23:10Z"),
                List.of(0, 1, 8, 9).stream().map(i -> CoordTimes.format(fixed("2016-03-01T23:10Z",
                        "2016-12-03T00:00Z", LA, "1 MONTH").time(i + 1).orElseThrow())).toList());
    }

    @Test
    void endOfStartsMoveToTheNextDayWeekOrMonth() {
        assertEquals(List.of("2009-01-02T00:00Z", "2009-01-03T00:00Z"), first(fixed("2009-01-01T08:00Z",
                "2009-02-01T00:00Z", ZoneOffset.UTC, FrequencyFunctions.coord_endOfDays(1)), 2));
        // already at midnight: still the next one, as Oozie's DateUtils.moveToEnd
        assertEquals(List.of("2009-01-02T00:00Z"), first(fixed("2009-01-01T00:00Z", "2009-01-03T00:00Z",
                ZoneOffset.UTC, FrequencyFunctions.coord_endOfDays(1)), 1));
        // midnight of the job's zone
        assertEquals(List.of("2009-01-02T08:00Z", "2009-01-03T08:00Z"), first(fixed("2009-01-01T08:00Z",
                "2009-02-01T00:00Z", LA, FrequencyFunctions.coord_endOfDays(1)), 2));
        assertEquals(List.of("2009-02-01T00:00Z", "2009-03-01T00:00Z", "2009-04-01T00:00Z"), first(fixed(
                "2009-01-15T10:00Z", "2010-01-01T00:00Z", ZoneOffset.UTC, FrequencyFunctions.coord_endOfMonths(1)), 3));
        // Wednesday 2009-01-07 -> Sunday 2009-01-11, then weekly; a Sunday start goes to the next Sunday
        assertEquals(List.of("2009-01-11T00:00Z", "2009-01-18T00:00Z"), first(fixed("2009-01-07T10:00Z",
                "2009-03-01T00:00Z", ZoneOffset.UTC, FrequencyFunctions.coord_endOfWeeks(1)), 2));
        assertEquals(List.of("2009-01-11T00:00Z"), first(fixed("2009-01-04T00:00Z",
                "2009-01-12T00:00Z", ZoneOffset.UTC, FrequencyFunctions.coord_endOfWeeks(1)), 1));
    }

    @Test
    void onlyTimesBeforeEnd() {
        // Oozie's testActionMaterWithCronFrequency6: frequency 20 minutes, end 01:00 excluded
        NominalTimes times = fixed("2013-07-18T00:00Z", "2013-07-18T01:00Z", ZoneOffset.UTC, "20");
        assertEquals(List.of("2013-07-18T00:00Z", "2013-07-18T00:20Z", "2013-07-18T00:40Z"), first(times, 5));
        assertEquals(3, times.totalActions());
        assertEquals(Optional.empty(), times.time(4));
        assertEquals(0, fixed("2013-07-18T00:00Z", "2013-07-18T00:00Z", ZoneOffset.UTC, "20").totalActions());
        assertThrows(IllegalArgumentException.class, () -> times.time(0));
    }

    @Test
    void countUpToAndTimeAgree() {
        // Jan 30 16:00 in Los Angeles, monthly: Jan 2015 .. Dec 2016
        NominalTimes times = fixed("2015-01-31T00:00Z", "2017-01-01T00:00Z", LA, "1 MONTH");
        assertEquals(24, times.totalActions());
        assertEquals(0, times.countUpTo(t("2015-01-30T00:00Z")));
        for (int n = 1; n <= 24; n++) {
            Instant at = times.time(n).orElseThrow();
            assertEquals(n, times.countUpTo(at));
            assertEquals(n - 1, times.countUpTo(at.minusSeconds(60)));
        }
        assertEquals(24, times.countUpTo(t("2030-01-01T00:00Z")));
    }

    @Test
    void aMillionActionsAnswerInstantly() {
        assertTimeout(Duration.ofMillis(500), () -> {
            Instant start = t("2000-01-01T00:00Z");
            NominalTimes minutes = new NominalTimes(start, start.plusSeconds(60L * 1_000_000), ZoneOffset.UTC,
                    Frequency.parse(FrequencyFunctions.coord_minutes(1)));
            assertEquals(1_000_000, minutes.totalActions());
            assertEquals(start.plusSeconds(60L * 999_999), minutes.time(1_000_000).orElseThrow());
            assertEquals(Optional.empty(), minutes.time(1_000_001));
            assertEquals(500_000, minutes.countUpTo(minutes.time(500_000).orElseThrow().plusSeconds(30)));
            NominalTimes days = new NominalTimes(start, t("4000-01-01T00:00Z"), LA,
                    Frequency.parse(FrequencyFunctions.coord_days(1)));
            long total = days.totalActions();
            assertTrue(total > 700_000, "days: " + total);
            assertEquals(total, days.countUpTo(days.time((int) total).orElseThrow()));
            assertEquals(Optional.empty(), days.time((int) total + 1));
        });
    }

    @Test
    void cronAsOozieMaterializesIt() {
        // Oozie's testActionMaterWithCronFrequency1, 4, 5, 7, 3
        assertEquals(List.of("2013-07-18T00:10Z", "2013-07-18T00:20Z"),
                first(fixed("2013-07-18T00:00Z", "2013-07-18T01:00Z", ZoneOffset.UTC, "10,20 * * * *"), 5));
        assertEquals(List.of("2013-07-18T00:00Z", "2013-07-18T00:15Z", "2013-07-18T00:30Z", "2013-07-18T00:45Z"),
                first(fixed("2013-07-18T00:00Z", "2013-07-18T01:00Z", ZoneOffset.UTC, "0/15 * * 5-7 4,5"), 5));
        assertEquals(List.of("2013-07-18T00:20Z", "2013-07-18T00:35Z", "2013-07-18T00:50Z"),
                first(fixed("2013-07-18T00:00Z", "2013-07-18T01:00Z", ZoneOffset.UTC, "20/15 * * 7,10 THU"), 5));
        assertEquals(0, fixed("2013-07-18T00:00Z", "2013-07-18T01:00Z", ZoneOffset.UTC, "0/15 2 * 5-7 4,5")
                .totalActions());
        NominalTimes every15 = fixed("2013-07-18T00:00Z", "2013-07-19T00:00Z", ZoneOffset.UTC, "*/15 * * * *");
        assertEquals(96, every15.totalActions());
        assertEquals(t("2013-07-18T23:45Z"), every15.time(96).orElseThrow());
    }

    @Test
    void cronDailyInADstZoneKeepsTheJobZonesWallClock() {
        // The cron is evaluated in UTC; steps of a day or more are shifted by the DST change since start
        // (Oozie's testWhenChangingDSTCronAndELDailyFrequenciesEqual: 15:10 in Los Angeles every day).
        assertFirst("2016-03-11T23:10Z", "2016-03-15T02:00Z", LA, "10 23 * * *", 5,
                List.of("2016-03-11T23:10Z", "2016-03-12T23:10Z", "2016-03-13T22:10Z", "2016-03-14T22:10Z"));
        // '0 2 * * *' with a Los Angeles job: 02:00Z = 18:00 PST, kept at 18:00 PDT after the change
        assertFirst("2016-03-11T02:00Z", "2016-03-16T00:00Z", LA, "0 2 * * *", 6,
                List.of("2016-03-11T02:00Z", "2016-03-12T02:00Z", "2016-03-13T02:00Z", "2016-03-14T01:00Z",
                        "2016-03-15T01:00Z"));
        // hourly crons are not shifted (testWhenEndingDSTCronAndELHourlyFrequenciesEqual)
        assertFirst("2017-11-05T07:10Z", "2017-11-05T10:30Z", LA, "10 * * * *", 6,
                List.of("2017-11-05T07:10Z", "2017-11-05T08:10Z", "2017-11-05T09:10Z", "2017-11-05T10:10Z"));
        // monthly (testWhenChangingDSTCronAndELMonthlyFrequenciesEqual)
        NominalTimes monthly = fixed("2016-03-01T23:10Z", "2016-12-03T00:00Z", LA, "10 23 1 1-12 *");
        assertEquals(10, monthly.totalActions());
        assertEquals(List.of("2016-03-01T23:10Z", "2016-04-01T22:10Z"), first(monthly, 2));
        assertEquals(t("2016-12-01T23:10Z"), monthly.time(10).orElseThrow());
    }

    @Test
    void cronCountUpToAndTimeAgree() {
        NominalTimes times = fixed("2016-01-01T00:00Z", "2016-03-01T00:00Z", LA, "*/5 * * * *");
        long total = times.totalActions();
        assertEquals(60L * 24 * 12, total);
        for (int n : new int[] {1, 2, 1023, 1024, 1025, 3000, 2048, 17279, 17280}) {
            Instant at = times.time(n).orElseThrow();
            assertEquals(n, times.countUpTo(at), "n=" + n);
            assertEquals(n - 1, times.countUpTo(at.minusSeconds(1)), "n=" + n);
        }
        assertEquals(Optional.empty(), times.time(17281));
        assertEquals(0, times.countUpTo(t("2015-12-31T23:59Z")));
    }
}
