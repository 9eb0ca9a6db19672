package dev.hadoopkit.workflow.coord.time;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinator's or dataset's frequency: a fixed step (Oozie's coord:minutes/hours/days/months,
 * endOfDays/endOfWeeks/endOfMonths) or a cron expression.
 *
 * <p>Fixed frequencies are kept in the form Oozie stores them (coord:hours(2) is 120 minutes), because Oozie's date
 * arithmetic depends on the stored unit: minutes are added to the instant, days and months to the wall clock of the
 * job's time zone.
 */
public sealed interface Frequency permits Frequency.Fixed, Frequency.Cron {

    /** The unit of a fixed frequency; HOUR is accepted but Oozie itself never stores it (coord:hours gives minutes). */
    enum Unit { MINUTE, HOUR, DAY, WEEK, MONTH }

    /**
     * {@code amount} of {@code unit}; {@code endOf} = Oozie's endOfDays/endOfWeeks/endOfMonths (the start is moved to
     * the end of its day/week/month first). coord:hours(n) is stored as Oozie stores it: (60n, MINUTE).
     */
    record Fixed(int amount, Unit unit, boolean endOf) implements Frequency {
        public Fixed {
            Objects.requireNonNull(unit, "unit");
            if (amount <= 0) {
                throw new IllegalArgumentException("invalid frequency " + amount + " " + unit
                        + ": the amount must be a positive integer (e.g. coord:days(1))");
            }
            if (endOf && (unit == Unit.MINUTE || unit == Unit.HOUR)) {
                throw new IllegalArgumentException("invalid frequency: end-of is only defined for days, weeks and "
                        + "months (coord:endOfDays, coord:endOfWeeks, coord:endOfMonths), not for " + unit);
            }
        }

        /** A fixed step that does not move the start (coord:minutes/days/months). */
        public Fixed(int amount, Unit unit) {
            this(amount, unit, false);
        }

        @Override
        public String canonical() {
            return amount + " " + (endOf ? "END_OF_" : "") + unit.name();
        }

        @Override
        public String oozieFrequency() {
            return Integer.toString(amount);
        }

        @Override
        public String oozieTimeUnit() {
            return (endOf ? "END_OF_" : "") + unit.name();
        }

        @Override
        public Duration minimumInterval() {
            return switch (unit) {
                case MINUTE -> Duration.ofMinutes(amount);
                case HOUR -> Duration.ofHours(amount);
                // A day can be 23 hours at a DST change (some zones shift by up to 2 hours).
                case DAY -> Duration.ofHours(24L * amount - 2);
                case WEEK -> Duration.ofHours(7 * 24L * amount - 2);
                case MONTH -> Duration.ofHours(28 * 24L * amount - 2);
            };
        }

        @Override
        public String toString() {
            return canonical();
        }
    }

    /** A cron frequency ("0 2 * * *"); Oozie stores it with time unit CRON. */
    record Cron(CronExpression expression) implements Frequency {
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String canonical() {
            return expression.text();
        }

        @Override
        public String oozieFrequency() {
            return expression.text();
        }

        @Override
        public String oozieTimeUnit() {
            return "CRON";
        }

        @Override
        public Duration minimumInterval() {
            return expression.minimumInterval();
        }

        @Override
        public String toString() {
            return canonical();
        }
    }

    /**
     * Parses the text of a frequency attribute after EL evaluation: a plain integer (minutes, as Oozie), the
     * canonical form returned by FrequencyFunctions ("1 DAY", "60 MINUTE", "1 END_OF_MONTH"), or a 5-field cron
     * expression. IllegalArgumentException with a message for people.
     */
    static Frequency parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("frequency is empty: use a number of minutes (e.g. 60), an EL function "
                    + "such as ${coord:days(1)}, or a cron expression such as '0 2 * * *'");
        }
        String t = text.trim();
        if (t.matches("[+-]?\\d+")) {
            int minutes;
            try {
                minutes = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid frequency '" + text + "': " + t + " minutes is too large");
            }
            return new Fixed(minutes, Unit.MINUTE, false);
        }
        Matcher m = Pattern.compile("(\\d+)\\s+(END_OF_)?(MINUTE|HOUR|DAY|WEEK|MONTH)", Pattern.CASE_INSENSITIVE)
                .matcher(t);
        if (m.matches()) {
            int amount;
            try {
                amount = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid frequency '" + text + "': the amount is too large");
            }
            boolean endOf = m.group(2) != null;
            Unit unit = Unit.valueOf(m.group(3).toUpperCase(Locale.ROOT));
            return new Fixed(amount, unit, endOf);
        }
        String[] fields = t.split("\\s+");
        if (fields.length == 5) {
            return new Cron(CronExpression.parse(t));
        }
        throw new IllegalArgumentException("invalid frequency '" + text + "': expected a number of minutes (e.g. 60), "
                + "an EL function such as ${coord:days(1)} or ${coord:endOfMonths(1)}, or a 5-field cron expression "
                + "(minute hour day-of-month month day-of-week, e.g. '0 2 * * *'), but it has " + fields.length
                + " field(s)");
    }

    /** The canonical text: parse(canonical()) equals this. */
    String canonical();

    /**
     * Oozie's stored form for its REST API: frequency "1" + timeUnit "DAY"; "60"+"MINUTE"; cron text + "CRON";
     * endOfDays(1) gives "1" + "END_OF_DAY".
     */
    String oozieFrequency();

    /** See {@link #oozieFrequency()}. */
    String oozieTimeUnit();

    /**
     * A lower bound of the interval between two times of this frequency (cron: the smallest gap its minute and hour
     * fields can produce; DST changes can make a wall-clock step shorter), used for the 1-minute floor check.
     */
    Duration minimumInterval();
}
