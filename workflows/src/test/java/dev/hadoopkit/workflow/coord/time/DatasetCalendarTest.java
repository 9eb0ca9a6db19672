package dev.hadoopkit.workflow.coord.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Expected values are from Oozie 5.2's TestCoordELFunctions and its functional spec unless said otherwise. */
class DatasetCalendarTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private static Instant t(String s) {
        return CoordTimes.parse(s);
    }

    private static DatasetCalendar ds(String initial, String frequency, ZoneId zone) {
        return new DatasetCalendar(t(initial), Frequency.parse(frequency), zone);
    }

    private static String current(DatasetCalendar ds, String nominal, int n) {
        return ds.current(t(nominal), n).map(CoordTimes::format).orElse("");
    }

    private static List<String> currents(DatasetCalendar ds, String nominal, int... ns) {
        return IntStream.of(ns).mapToObj(n -> current(ds, nominal, n)).toList();
    }

    @Test
    void dailyDatasetInLosAngeles() {
        // testCurrent: 2009-01-02T00:00Z is 16:00 PST; in May 16:00 PDT is 23:00Z
        DatasetCalendar daily = ds("2009-01-02T00:00Z", FrequencyFunctions.coord_days(1), LA);
        assertEquals(List.of("2009-05-29T23:00Z", "2009-05-30T23:00Z", "2009-05-28T23:00Z", "2009-05-26T23:00Z"),
                currents(daily, "2009-05-30T00:45Z", 0, 1, -1, -3));
    }

    @Test
    void minuteAndWeeklyDatasets() {
        DatasetCalendar halfHourly = ds("2009-01-08T00:00Z", FrequencyFunctions.coord_minutes(30), LA);
        assertEquals(List.of("2009-05-30T00:30Z", "2009-05-30T01:00Z", "2009-05-30T00:00Z", "2009-05-29T23:00Z"),
                currents(halfHourly, "2009-05-30T00:45Z", 0, 1, -1, -3));
        DatasetCalendar daily = ds("2009-01-02T00:00Z", "1 DAY", ZoneOffset.UTC);
        assertEquals(List.of("2009-05-30T00:00Z", "2009-05-31T00:00Z", "2009-05-29T00:00Z", "2009-05-27T00:00Z"),
                currents(daily, "2009-05-30T00:00Z", 0, 1, -1, -3));
        DatasetCalendar everySevenDays = ds("2009-01-08T00:00Z", FrequencyFunctions.coord_days(7), ZoneOffset.UTC);
        assertEquals(List.of("2009-05-28T00:00Z", "2009-06-04T00:00Z", "2009-05-21T00:00Z", "2009-05-07T00:00Z"),
                currents(everySevenDays, "2009-05-30T00:00Z", 0, 1, -1, -3));
    }

    @Test
    void dailyDatasetAcrossDst() {
        DatasetCalendar spring = ds("2009-03-06T10:00Z", "1 DAY", LA);
        assertEquals(List.of("2009-03-06T10:00Z", "2009-03-07T10:00Z", "2009-03-08T09:00Z", "2009-03-09T09:00Z",
                "2009-03-10T09:00Z"), currents(spring, "2009-03-08T10:45Z", -2, -1, 0, 1, 2));
        DatasetCalendar winter = ds("2009-10-30T08:00Z", "1 DAY", LA);
        assertEquals(List.of("2009-10-30T08:00Z", "2009-10-31T08:00Z", "2009-11-01T08:00Z", "2009-11-02T09:00Z",
                "2009-11-03T09:00Z"), currents(winter, "2009-11-01T08:00Z", -2, -1, 0, 1, 2));
    }

    @Test
    void endOfDaysDataset() {
        DatasetCalendar eod = ds("2009-01-02T09:00Z", FrequencyFunctions.coord_endOfDays(1), ZoneOffset.UTC);
        assertEquals(List.of("2009-05-30T00:00Z", "2009-05-31T00:00Z"), currents(eod, "2009-05-30T12:00Z", 0, 1));
        // spec case 1: the initial instance moves to 2009-01-02T00:00Z, after the nominal time
        DatasetCalendar case1 = ds("2009-01-01T08:00Z", FrequencyFunctions.coord_endOfDays(1), ZoneOffset.UTC);
        assertEquals(List.of("", ""), currents(case1, "2009-01-01T08:00Z", 0, 1));
        assertEquals(t("2009-01-02T00:00Z"), case1.effectiveInitialInstance());
    }

    @Test
    void hourlyDatasetForADailyCoordinator() {
        // The spec's example: a daily coordinator consuming the last 24 instances of an hourly dataset,
        // coord:current(-23) .. coord:current(0).
        DatasetCalendar hourly = ds("2009-01-01T00:00Z", FrequencyFunctions.coord_hours(1), ZoneOffset.UTC);
        NominalTimes coordinator = new NominalTimes(t("2009-01-02T00:00Z"), t("2009-01-05T00:00Z"), LA,
                Frequency.parse(FrequencyFunctions.coord_days(1)));
        Instant nominal = coordinator.time(1).orElseThrow();
        assertEquals("2009-01-01T01:00Z", current(hourly, "2009-01-02T00:00Z", -23));
        assertEquals("2009-01-02T00:00Z", CoordTimes.format(hourly.current(nominal, 0).orElseThrow()));
        assertEquals(24, IntStream.rangeClosed(-23, 0).mapToObj(n -> hourly.current(nominal, n))
                .filter(Optional::isPresent).count());
        // second action: one day later, hourly in UTC regardless of the coordinator's zone
        assertEquals("2009-01-02T01:00Z",
                CoordTimes.format(hourly.current(coordinator.time(2).orElseThrow(), -23).orElseThrow()));
        // the same dataset declared in Los Angeles: hourly instances are instant-based, so the same instants
        DatasetCalendar hourlyLa = ds("2009-01-01T00:00Z", FrequencyFunctions.coord_hours(1), LA);
        assertEquals("2009-01-01T01:00Z", current(hourlyLa, "2009-01-02T00:00Z", -23));
    }

    @Test
    void beforeTheInitialInstanceIsEmpty() {
        DatasetCalendar daily = ds("2009-01-02T00:00Z", "1 DAY", ZoneOffset.UTC);
        assertEquals("", current(daily, "2009-01-01T00:00Z", 0));
        assertEquals("", current(daily, "2009-01-03T00:00Z", -2));
        assertEquals("2009-01-02T00:00Z", current(daily, "2009-01-03T00:00Z", -1));
    }

    @Test
    void monthlyDatasetFromAMonthEnd() {
        DatasetCalendar monthly = ds("2009-01-31T00:00Z", FrequencyFunctions.coord_months(1), ZoneOffset.UTC);
        // instances are counted from the initial instance, so month ends do not drift
        assertEquals(List.of("2009-04-30T00:00Z", "2009-03-31T00:00Z", "2009-02-28T00:00Z", "2009-05-31T00:00Z"),
                currents(monthly, "2009-05-15T00:00Z", 0, -1, -2, 1));
        // Oozie's quirk, reproduced: its getCurrentInstance steps Jan 31 -> Feb 28 -> Mar 28 one month at a time,
        // counts Mar 28 as instance 2, and instance 2 is Mar 31: current(0) is after the nominal time Mar 30.
        assertEquals("2009-03-31T00:00Z", current(monthly, "2009-03-30T12:00Z", 0));
        assertEquals(t("2009-03-31T00:00Z"), monthly.step(t("2009-02-28T00:00Z"), 1));
    }

    @Test
    void offsetIsRoundedDownToAnInstance() {
        // testOffset: a minute dataset in Los Angeles
        DatasetCalendar minutes = ds("2010-01-02T00:01Z", "1", LA);
        String nominal = "2015-01-02T00:45Z";
        assertEquals("2015-01-02T00:45Z", offset(minutes, nominal, 0, "MONTH"));
        assertEquals("2015-02-02T00:45Z", offset(minutes, nominal, 1, "MONTH"));
        assertEquals("2014-12-02T00:45Z", offset(minutes, nominal, -1, "MONTH"));
        assertEquals("2014-10-01T23:45Z", offset(minutes, nominal, -3, "MONTH")); // October is PDT
        assertEquals("2015-01-01T23:45Z", offset(minutes, nominal, -1, "HOUR"));
        assertEquals("2014-12-30T00:45Z", offset(minutes, nominal, -3, "DAY"));
        assertEquals("2012-01-02T00:45Z", offset(minutes, nominal, -3, "YEAR"));
        // a 4-hour dataset: offsets between instances round down to the instance before
        for (String frequency : List.of("4 HOUR", FrequencyFunctions.coord_hours(4))) {
            DatasetCalendar fourHours = ds("2010-01-02T00:01Z", frequency, LA);
            assertEquals("2015-01-02T00:01Z", offset(fourHours, nominal, 5, "MINUTE"));
            assertEquals("2015-01-02T00:01Z", offset(fourHours, nominal, 1, "HOUR"));
            assertEquals("2015-01-02T04:01Z", offset(fourHours, nominal, 7, "HOUR"));
            assertEquals("2015-01-01T20:01Z", offset(fourHours, nominal, -2, "HOUR"));
            assertEquals("", offset(fourHours, nominal, -43825, "HOUR"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minutes.offset(t(nominal), 1, "blah"));
        assertEquals("invalid time unit 'blah' for coord:offset: use one of MINUTE, HOUR, DAY, WEEK, MONTH, YEAR",
                e.getMessage());
    }

    private static String offset(DatasetCalendar ds, String nominal, int n, String unit) {
        return ds.offset(t(nominal), n, unit).map(CoordTimes::format).orElse("");
    }

    @Test
    void absoluteMustBeAnInstance() {
        DatasetCalendar daily = ds("2009-01-01T00:00Z", "1 DAY", ZoneOffset.UTC);
        assertEquals(t("2009-01-05T00:00Z"), daily.absolute(t("2009-01-05T00:00Z")));
        IllegalArgumentException notInPhase = assertThrows(IllegalArgumentException.class,
                () -> daily.absolute(t("2009-01-05T01:00Z")));
        assertEquals("coord:absolute(2009-01-05T01:00Z) is not in phase with the dataset's initial-instance "
                + "2009-01-01T00:00Z and frequency 1 DAY: the nearest instance at or before it is 2009-01-05T00:00Z",
                notInPhase.getMessage());
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> daily.absolute(t("2008-12-31T00:00Z")));
        assertEquals("coord:absolute(2008-12-31T00:00Z) is before the dataset's initial-instance 2009-01-01T00:00Z: "
                + "initial-instance must be equal to or earlier than the start instance", before.getMessage());
    }

    @Test
    void stepAndIndex() {
        DatasetCalendar hourly = ds("2009-01-01T00:00Z", FrequencyFunctions.coord_hours(1), ZoneOffset.UTC);
        assertEquals(t("2009-01-01T03:00Z"), hourly.step(t("2009-01-01T05:00Z"), -2));
        assertEquals(t("2009-01-01T07:00Z"), hourly.step(t("2009-01-01T05:00Z"), 2));
        assertEquals(Optional.of(5), hourly.currentIndex(t("2009-01-01T05:30Z")));
        assertEquals(Optional.empty(), hourly.currentIndex(t("2008-01-01T05:30Z")));
        assertThrows(IllegalArgumentException.class, () -> hourly.step(t("2009-01-01T05:30Z"), 1));
    }

    @Test
    void cronDatasetsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ds("2009-01-01T00:00Z", "0 * * * *", ZoneOffset.UTC));
        assertEquals("dataset frequency '0 * * * *' is a cron expression; datasets need a fixed frequency such as "
                + "${coord:hours(1)} or ${coord:days(1)}", e.getMessage());
    }
}
