package dev.hadoopkit.sandbox;

import java.time.Duration;

/** What {@code up} was asked for; null fields keep the saved topology's (or the default) value. */
record UpRequest(Integer dataNodes, Integer nodeManagers, Integer replication, Integer portOffset,
    boolean noDatabase, Integer dbPort, Duration timeout) {
}
