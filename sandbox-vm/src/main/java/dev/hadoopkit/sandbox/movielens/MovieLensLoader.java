package dev.hadoopkit.sandbox.movielens;
public final class MovieLensLoader {
  public MovieLensLoader(dev.hadoopkit.sandbox.Sandbox s, java.io.PrintStream o) {}
  public void load(java.nio.file.Path p, String h, String d, long seed, int n) { throw new UnsupportedOperationException("WIP"); }
}
