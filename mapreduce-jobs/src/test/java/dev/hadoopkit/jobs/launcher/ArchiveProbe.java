package dev.hadoopkit.jobs.launcher;

/** A main class for {@link ClassArchiveIT}: runs from a jar of its own, prints one line, exits with 0. */
public final class ArchiveProbe {
  private ArchiveProbe() {
  }

  public static void main(String[] args) {
    System.out.println("probe ran");
  }
}
