package dev.hadoopkit.workflow.coord;

import java.io.IOException;

/** How the input check asks whether a path exists (the scheduler implements it with Hadoop FileSystem and caches). */
@FunctionalInterface
public interface DataAvailability {
  boolean exists(String path) throws IOException;
}
