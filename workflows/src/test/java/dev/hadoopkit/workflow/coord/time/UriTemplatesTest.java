package dev.hadoopkit.workflow.coord.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UriTemplatesTest {

    private static final String TEMPLATE = "hdfs://bar:8020/app/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}/"
            + "${user.name}/data";

    @Test
    void resolvesDateVariablesAndLeavesOthers() {
        assertEquals("hdfs://bar:8020/app/logs/2009/01/02/03/04/${user.name}/data",
                UriTemplates.resolve(TEMPLATE, CoordTimes.parse("2009-01-02T03:04Z"), ZoneId.of("UTC")));
        assertEquals("hdfs://bar:8020/app/logs/2009/01/01/19/04/${user.name}/data",
                UriTemplates.resolve(TEMPLATE, CoordTimes.parse("2009-01-02T03:04Z"),
                        ZoneId.of("America/Los_Angeles")));
        // as Oozie 5.2: in the processing zone, UTC
        assertEquals("hdfs://bar:8020/app/logs/2009/01/02/03/04/${user.name}/data",
                UriTemplates.resolve(TEMPLATE, CoordTimes.parse("2009-01-02T03:04Z")));
        // EL allows blanks inside ${ }; YEAR is four digits
        assertEquals("/data/0009/0009", UriTemplates.resolve("/data/${ YEAR }/${YEAR}",
                CoordTimes.parse("0009-01-02T03:04Z"), ZoneId.of("UTC")));
        assertEquals("$YEAR/${DATE}/${MONTH", UriTemplates.resolve("$YEAR/${DATE}/${MONTH",
                CoordTimes.parse("2009-01-02T03:04Z"), ZoneId.of("UTC")));
    }
}
