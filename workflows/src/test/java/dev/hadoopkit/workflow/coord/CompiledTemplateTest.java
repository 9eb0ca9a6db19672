package dev.hadoopkit.workflow.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.workflow.coord.time.UriTemplates;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The compiled template against the time package's UriTemplates (the oracle). */
class CompiledTemplateTest {
  @Test
  void resolvesAsUriTemplates() {
    for (String template : new String[] {"hdfs://nn/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}",
        "file:///d/${ YEAR }${MONTH}-x", "hdfs://nn/static", "${DAY}${DAY}/_${HOUR}"}) {
      CompiledTemplate compiled = new CompiledTemplate(template);
      for (Instant t = Instant.parse("0999-12-31T23:40:00Z"), end = t.plus(Duration.ofDays(3)); t.isBefore(end);
          t = t.plus(Duration.ofMinutes(77))) {
        assertEquals(UriTemplates.resolve(template, t), compiled.resolve(t), template + " at " + t);
      }
    }
  }
}
