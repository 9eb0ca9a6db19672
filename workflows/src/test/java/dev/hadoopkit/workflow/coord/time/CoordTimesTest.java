package dev.hadoopkit.workflow.coord.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CoordTimesTest {

    @Test
    void parseAndFormat() {
        assertEquals(Instant.parse("2009-01-01T01:00:00Z"), CoordTimes.parse("2009-01-01T01:00Z"));
        assertEquals(Instant.parse("2009-01-01T01:00:00Z"), CoordTimes.parse("2009-01-01T06:30+0530"));
        assertEquals(Instant.parse("2009-01-01T09:00:00Z"), CoordTimes.parse(" 2009-01-01T01:00-0800 "));
        assertEquals("2009-01-01T01:00Z", CoordTimes.format(Instant.parse("2009-01-01T01:00:59Z")));
    }

    @Test
    void badDateTimes() {
        String formats = "expected yyyy-MM-dd'T'HH:mm'Z' (UTC, e.g. 2009-01-01T01:00Z) or yyyy-MM-dd'T'HH:mm+HHmm "
                + "(e.g. 2009-01-01T06:30+0530)";
        assertEquals("invalid date-time '2009-01-01 01:00': " + formats, assertThrows(IllegalArgumentException.class,
                () -> CoordTimes.parse("2009-01-01 01:00")).getMessage());
        assertEquals("invalid date-time '2009-01-01T01:00:00Z': " + formats,
                assertThrows(IllegalArgumentException.class,
                        () -> CoordTimes.parse("2009-01-01T01:00:00Z")).getMessage());
        String dec50 = assertThrows(IllegalArgumentException.class,
                () -> CoordTimes.parse("2011-12-50T01:00Z")).getMessage();
        assertTrue(dec50.startsWith("invalid date-time '2011-12-50T01:00Z': 2011-12-50T01:00 is not a valid date and "
                + "time ("), dec50);
        assertTrue(dec50.endsWith(formats), dec50);
    }

    @Test
    void elHelpers() {
        assertEquals("20090101", CoordTimes.formatTime("2009-01-01T01:00Z", "yyyyMMdd"));
        assertEquals("2009/01/01 01", CoordTimes.formatTime("2009-01-01T01:00Z", "yyyy/MM/dd HH"));
        assertEquals("2009-02-28T01:00Z", CoordTimes.dateOffset("2009-01-31T01:00Z", 1, "MONTH"));
        assertEquals("2008-12-31T23:00Z", CoordTimes.dateOffset("2009-01-01T01:00Z", -2, "HOUR"));
        assertEquals("2010-01-01T01:00Z", CoordTimes.dateOffset("2009-01-01T01:00Z", 1, "YEAR"));
        // the wall clock of the zone, still written with Oozie's 'Z'
        assertEquals("2012-06-12T17:00Z", CoordTimes.dateTzOffset("2012-06-13T00:00Z", "America/Los_Angeles"));
        assertEquals("2012-01-12T16:00Z", CoordTimes.dateTzOffset("2012-01-13T00:00Z", "America/Los_Angeles"));
        assertEquals("1230771600", CoordTimes.epochTime("2009-01-01T01:00Z", false));
        assertEquals("1230771600000", CoordTimes.epochTime("2009-01-01T01:00Z", true));
        assertEquals("invalid time unit 'WEEKS' for coord:dateOffset: use one of MINUTE, HOUR, DAY, WEEK, MONTH, YEAR",
                assertThrows(IllegalArgumentException.class,
                        () -> CoordTimes.dateOffset("2009-01-01T01:00Z", 1, "WEEKS")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CoordTimes.formatTime("2009-01-01T01:00Z", "yyyyq")).getMessage()
                .startsWith("coord:formatTime: invalid format 'yyyyq'"));
    }

    @Test
    void zones() {
        assertEquals(ZoneId.of("UTC"), CoordTimes.zone("UTC"));
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30).getTotalSeconds(),
                CoordTimes.zone("GMT+05:30").getRules().getOffset(Instant.EPOCH).getTotalSeconds());
        assertEquals(CoordTimes.zone("GMT+05:30"), CoordTimes.zone("GMT+0530"));
        assertEquals(ZoneId.of("America/Los_Angeles"), CoordTimes.zone("America/Los_Angeles"));
        String message = "unknown time zone 'Mars/Olympus': use UTC, an offset such as GMT+05:30 or GMT-0800, or a "
                + "region such as America/Los_Angeles or Europe/Berlin";
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> CoordTimes.zone("Mars/Olympus")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoordTimes.zone("GMT+5:30"));
    }
}
