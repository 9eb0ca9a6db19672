package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.time.DatasetCalendar;
import dev.hadoopkit.workflow.coord.time.Frequency;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A synchronous dataset after submission: its calendar of instances, the URI template (job properties resolved,
 * {@code ${YEAR}}…{@code ${MINUTE}} left for each instance) and the done flag: {@code null} when the element is
 * absent (Oozie then waits for {@code _SUCCESS} in the directory), {@code ""} when empty (the directory itself is
 * enough), else the name of the file to wait for.
 */
record Dataset(String name, DatasetCalendar calendar, String uriTemplate, String doneFlag, Frequency frequency,
    Instant initialInstance, ZoneId timezone) {
  public static final String DEFAULT_DONE_FLAG = "_SUCCESS";

  /** The path whose existence makes the instance at {@code uri} available. */
  public String availabilityPath(String uri) {
    String flag = doneFlag == null ? DEFAULT_DONE_FLAG : doneFlag.trim();
    if (flag.isEmpty()) {
      return uri;
    }
    return uri.endsWith("/") ? uri + flag : uri + "/" + flag;
  }
}
