package dev.hadoopkit.sandbox;
final class SandboxBench {
  SandboxBench(dev.hadoopkit.sandbox.cluster.SandboxHome h, java.nio.file.Path w, java.io.PrintStream o) {}
  void run(int n, int off, String jar) { throw new UnsupportedOperationException("WIP"); }
}
