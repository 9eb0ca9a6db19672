package dev.hadoopkit.faults;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * How many seeded rounds each fault kind runs and from which seed: {@code -Dfaults.seed=S -Dfaults.rounds=N}. A round's
 * random choices (signal, moment) come from the seed, the kind and the round number alone, so one failing round is
 * reproduced by running the same seed again.
 */
record FaultPlan(long seed, int rounds, int only) {
  static final String SEED_PROPERTY = "faults.seed";
  static final String ROUNDS_PROPERTY = "faults.rounds";
  /** Runs one round of the plan alone (0: all of them): a failing round 27 of 30 is reproduced in seconds. */
  static final String ONLY_PROPERTY = "faults.only";
  static final long DEFAULT_SEED = 15;
  static final int DEFAULT_ROUNDS = 1;

  FaultPlan {
    if (rounds < 1) {
      throw new IllegalArgumentException("Invalid " + ROUNDS_PROPERTY + ", must be at least 1: " + rounds);
    }
    if (only < 0 || only > rounds) {
      throw new IllegalArgumentException("Invalid " + ONLY_PROPERTY + ", must be 0 (all) or a round 1.." + rounds
          + ": " + only);
    }
  }

  boolean runs(int round) {
    return only == 0 || only == round;
  }

  static FaultPlan fromSystemProperties() {
    return new FaultPlan(parse(SEED_PROPERTY, DEFAULT_SEED), (int) parse(ROUNDS_PROPERTY, DEFAULT_ROUNDS),
        (int) parse(ONLY_PROPERTY, 0));
  }

  private static long parse(String name, long fallback) {
    String value = System.getProperty(name, "").trim();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid -D" + name + ", not a whole number: " + value, e);
    }
  }

  /** The round's own random source: the same seed, kind and round always give the same choices. */
  Random random(String kind, int round) {
    // Neighbouring seeds give java.util.Random neighbouring first draws (rounds 1..5 all chose SIGTERM), so the
    // seed, kind and round are mixed through SplittableRandom's finalizer first.
    long mixed = new SplittableRandom(seed).split().nextLong() ^ (kind.hashCode() * 0x9E3779B97F4A7C15L)
        ^ (round * 0xBF58476D1CE4E5B9L);
    return new Random(new SplittableRandom(mixed).nextLong());
  }

  /** What a failure message carries so a person can run the same round again. */
  String reproduce(String kind, int round) {
    return kind + " round " + round + " of " + rounds + " (reproduce: -D" + SEED_PROPERTY + "=" + seed + " -D"
        + ROUNDS_PROPERTY + "=" + rounds + " -D" + ONLY_PROPERTY + "=" + round + ")";
  }
}
