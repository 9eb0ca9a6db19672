package dev.hadoopkit.workflow.server;

import dev.hadoopkit.workflow.server.api.Views;
import java.util.Locale;

/**
 * {@link Views.Metrics} in Prometheus' text exposition format 0.0.4. The latency histogram: the backend's
 * {@code latencyCounts[i]} counts the dispatches whose latency fell in {@code (bound[i-1], bound[i]]} milliseconds
 * (per bucket, not cumulative); this class accumulates them into Prometheus' cumulative {@code le} buckets in seconds
 * and adds {@code le="+Inf"} = {@code latencyCount}.
 */
final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {
  }

  public static String render(Views.Metrics m) {
    StringBuilder sb = new StringBuilder(1024);
    gauge(sb, "hk_scheduler_due", "Coordinator actions whose nominal time has come and that wait for dispatch.",
        m.due());
    gauge(sb, "hk_scheduler_waiting", "Coordinator actions WAITING for input dependencies or READY for a slot.",
        m.waiting());
    gauge(sb, "hk_scheduler_running", "Coordinator actions RUNNING.", m.running());
    gauge(sb, "hk_scheduler_workflows_running", "Workflow jobs RUNNING.", m.workflowsRunning());
    counter(sb, "hk_scheduler_materialized_total", "Coordinator actions materialized since the daemon started.",
        m.materialized());
    counter(sb, "hk_scheduler_started_total", "Workflow jobs started since the daemon started.", m.started());

    String h = "hk_scheduler_dispatch_latency_seconds";
    sb.append("# HELP ").append(h)
        .append(" Time from an action's due time (nominal time or dependencies met) to its workflow's start.\n");
    sb.append("# TYPE ").append(h).append(" histogram\n");
    long[] bounds = m.latencyBucketsMillis() == null ? new long[0] : m.latencyBucketsMillis();
    long[] counts = m.latencyCounts() == null ? new long[0] : m.latencyCounts();
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += i < counts.length ? counts[i] : 0;
      sb.append(h).append("_bucket{le=\"").append(seconds(bounds[i])).append("\"} ").append(cumulative).append('\n');
    }
    sb.append(h).append("_bucket{le=\"+Inf\"} ").append(Math.max(cumulative, m.latencyCount())).append('\n');
    sb.append(h).append("_sum ").append(number(m.latencySumMillis() / 1000.0)).append('\n');
    sb.append(h).append("_count ").append(Math.max(cumulative, m.latencyCount())).append('\n');
    return sb.toString();
  }

  private static void gauge(StringBuilder sb, String name, String help, long value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n");
    sb.append(name).append(' ').append(value).append('\n');
  }

  private static void counter(StringBuilder sb, String name, String help, long value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" counter\n");
    sb.append(name).append(' ').append(value).append('\n');
  }

  static String seconds(long millis) {
    return number(millis / 1000.0);
  }

  private static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "NaN" : (v > 0 ? "+Inf" : "-Inf");
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return Double.toString(v);
  }
}
