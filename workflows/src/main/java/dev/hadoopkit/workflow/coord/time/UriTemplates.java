package dev.hadoopkit.workflow.coord.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date variables of a dataset uri-template: ${YEAR} ${MONTH} ${DAY} ${HOUR} ${MINUTE} (two digits, YEAR four).
 * Other ${...} are left as they are (they were resolved earlier, with the job's properties).
 *
 * <p>Note: Oozie 5.2 (CoordELEvaluator.createURIELEvaluator) takes these fields in its processing zone, UTC, not in the
 * dataset's zone; {@link #resolve(String, Instant)} does exactly that. {@link #resolve(String, Instant, ZoneId)}
 * takes the zone to use from the caller.
 */
public final class UriTemplates {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(YEAR|MONTH|DAY|HOUR|MINUTE)\\s*}");

    private UriTemplates() {
    }

    /** Resolves the date variables with the wall clock of {@code instance} in {@code zone}. */
    public static String resolve(String template, Instant instance, ZoneId zone) {
        Objects.requireNonNull(template, "template");
        ZonedDateTime t = instance.atZone(zone);
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "YEAR" -> String.format("%04d", t.getYear());
                case "MONTH" -> String.format("%02d", t.getMonthValue());
                case "DAY" -> String.format("%02d", t.getDayOfMonth());
                case "HOUR" -> String.format("%02d", t.getHour());
                default -> String.format("%02d", t.getMinute());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As Oozie 5.2 resolves them: in the processing zone, UTC. */
    public static String resolve(String template, Instant instance) {
        return resolve(template, instance, ZoneOffset.UTC);
    }
}
