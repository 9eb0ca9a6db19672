package dev.hadoopkit.workflow.coord.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hadoopkit.workflow.coord.time.Frequency.Fixed;
import dev.hadoopkit.workflow.coord.time.Frequency.Unit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrequencyTest {

    @Test
    void functionsGiveWhatOozieStores() {
        assertEquals(new Fixed(15, Unit.MINUTE), Frequency.parse(FrequencyFunctions.coord_minutes(15)));
        assertEquals(new Fixed(60, Unit.MINUTE), Frequency.parse(FrequencyFunctions.coord_hours(1)));
        assertEquals(new Fixed(1, Unit.DAY), Frequency.parse(FrequencyFunctions.coord_days(1)));
        assertEquals(new Fixed(3, Unit.MONTH), Frequency.parse(FrequencyFunctions.coord_months(3)));
        assertEquals(new Fixed(1, Unit.DAY, true), Frequency.parse(FrequencyFunctions.coord_endOfDays(1)));
        assertEquals(new Fixed(1, Unit.WEEK, true), Frequency.parse(FrequencyFunctions.coord_endOfWeeks(1)));
        assertEquals(new Fixed(2, Unit.MONTH, true), Frequency.parse(FrequencyFunctions.coord_endOfMonths(2)));
        assertEquals("60 MINUTE", FrequencyFunctions.coord_hours(1));
    }

    @Test
    void plainIntegersAreMinutes() {
        assertEquals(new Fixed(60, Unit.MINUTE), Frequency.parse(" 60 "));
    }

    @Test
    void oozieStoredForm() {
        Frequency daily = Frequency.parse(FrequencyFunctions.coord_days(1));
        assertEquals("1", daily.oozieFrequency());
        assertEquals("DAY", daily.oozieTimeUnit());
        Frequency hourly = Frequency.parse(FrequencyFunctions.coord_hours(1));
        assertEquals("60", hourly.oozieFrequency());
        assertEquals("MINUTE", hourly.oozieTimeUnit());
        Frequency eod = Frequency.parse(FrequencyFunctions.coord_endOfDays(1));
        assertEquals("1", eod.oozieFrequency());
        assertEquals("END_OF_DAY", eod.oozieTimeUnit());
        Frequency cron = Frequency.parse("0 2 * * *");
        assertEquals("0 2 * * *", cron.oozieFrequency());
        assertEquals("CRON", cron.oozieTimeUnit());
    }

    @Test
    void canonicalRoundTrips() {
        for (String text : new String[] {"1 DAY", "60 MINUTE", "1 END_OF_MONTH", "2 END_OF_WEEK", "0 2 * * *",
                "0 9 ? * MON-FRI", "3 HOUR"}) {
            Frequency f = Frequency.parse(text);
            assertEquals(f, Frequency.parse(f.canonical()), text);
            assertEquals(text, f.canonical());
        }
    }

    @Test
    void minimumInterval() {
        assertEquals(Duration.ofMinutes(1), Frequency.parse("1").minimumInterval());
        assertEquals(Duration.ofHours(22), Frequency.parse("1 DAY").minimumInterval());
        assertEquals(Duration.ofMinutes(15), Frequency.parse("*/15 * * * *").minimumInterval());
    }

    @Test
    void badFrequencies() {
        assertEquals("invalid frequency 0 MINUTE: the amount must be a positive integer (e.g. coord:days(1))",
                assertThrows(IllegalArgumentException.class, () -> Frequency.parse("0")).getMessage());
        assertEquals("frequency is empty: use a number of minutes (e.g. 60), an EL function such as "
                + "${coord:days(1)}, or a cron expression such as '0 2 * * *'",
                assertThrows(IllegalArgumentException.class, () -> Frequency.parse(" ")).getMessage());
        assertEquals("invalid frequency 'daily': expected a number of minutes (e.g. 60), an EL function such as "
                + "${coord:days(1)} or ${coord:endOfMonths(1)}, or a 5-field cron expression (minute hour "
                + "day-of-month month day-of-week, e.g. '0 2 * * *'), but it has 1 field(s)",
                assertThrows(IllegalArgumentException.class, () -> Frequency.parse("daily")).getMessage());
        assertEquals("invalid frequency: end-of is only defined for days, weeks and months (coord:endOfDays, "
                + "coord:endOfWeeks, coord:endOfMonths), not for MINUTE",
                assertThrows(IllegalArgumentException.class, () -> Frequency.parse("1 END_OF_MINUTE")).getMessage());
        assertEquals("invalid cron expression '0 25 * * *': hour 25 is out of range 0-23",
                assertThrows(IllegalArgumentException.class, () -> Frequency.parse("0 25 * * *")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrequencyFunctions.coord_days(-1));
    }
}
