package dev.hadoopkit.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the seeded rounds of one fault kind and keeps the ledger: faults injected (the signal reached a live process)
 * and survived (every invariant held afterwards). A failing round's message names the seed and round to reproduce it.
 * The ledger line goes to the test output and to target/faults-ledger.txt, which docs/reliability.md quotes.
 */
final class FaultRounds {
  /** One round: the kill point it chose and whether the signal was sent. */
  interface Round {
    Outcome run(int round, java.util.Random random) throws Exception;
  }

  /** What a round did; its invariants are asserted inside the round. */
  record Outcome(KillPoint point, boolean injected) {
  }

  private FaultRounds() {
  }

  static void run(String kind, Round body) throws Exception {
    FaultPlan plan = FaultPlan.fromSystemProperties();
    int injected = 0;
    int finishedFirst = 0;
    List<String> failed = new ArrayList<>();
    AssertionError first = null;
    // A failing round does not stop the others: an audit wants every fault counted, then fails naming each.
    for (int round = 1; round <= plan.rounds(); round++) {
      if (!plan.runs(round)) {
        continue;
      }
      Outcome outcome;
      try {
        outcome = body.run(round, plan.random(kind, round));
      } catch (Throwable failure) {
        System.out.println("[faults] " + plan.reproduce(kind, round) + " FAILED: " + failure);
        failed.add(Integer.toString(round));
        if (first == null) {
          first = new AssertionError(plan.reproduce(kind, round) + ": " + failure.getMessage(), failure);
        }
        injected++;
        continue;
      }
      System.out.println("[faults] " + kind + " round " + round + ": " + outcome.point()
          + (outcome.injected() ? ", survived" : ", the process ended before the signal; invariants held"));
      if (outcome.injected()) {
        injected++;
      } else {
        finishedFirst++;
      }
    }
    ledger(plan, kind, injected, injected - failed.size(), finishedFirst,
        failed.isEmpty() ? "all survived" : "FAILED rounds " + String.join(",", failed));
    if (first != null) {
      throw first;
    }
  }

  private static void ledger(FaultPlan plan, String kind, int injected, int survived, int finishedFirst,
      String verdict) throws IOException {
    String line = String.format("seed=%d rounds=%d kind=%s injected=%d survived=%d ended-before-signal=%d %s%n",
        plan.seed(), plan.rounds(), kind, injected, survived, finishedFirst, verdict);
    System.out.print("[faults] " + line);
    Path file = Path.of("target", "faults-ledger.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
