package dev.hadoopkit.workflow.server.api;

import java.util.Locale;

/** The three kinds of jobs of Oozie's API; ids end in {@code -W}, {@code -C} and {@code -B}. */
public enum JobType {
  WF('W'), COORDINATOR('C'), BUNDLE('B');

  private final char idSuffix;

  JobType(char idSuffix) {
    this.idSuffix = idSuffix;
  }

  public char idSuffix() {
    return idSuffix;
  }

  /** Oozie's {@code jobtype} parameter: {@code wf}, {@code coord}/{@code coordinator}, {@code bundle}. */
  public static JobType parse(String text) {
    if (text == null || text.isBlank()) {
      return WF;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "wf", "workflow" -> WF;
      case "coord", "coordinator" -> COORDINATOR;
      case "bundle" -> BUNDLE;
      default -> throw new BadRequestException("unknown jobtype '" + text + "': use wf, coordinator or bundle");
    };
  }

  /** The type of a job id ({@code 0000001-261201020000000-hk-C}, or a coordinator action {@code …-C@3}). */
  public static JobType ofId(String id) {
    String job = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
    if (job.endsWith("-C")) {
      return COORDINATOR;
    }
    if (job.endsWith("-B")) {
      return BUNDLE;
    }
    if (job.endsWith("-W")) {
      return WF;
    }
    throw new NotFoundException("no job " + id + ": job ids end in -W (workflow), -C (coordinator) or -B (bundle)");
  }
}
