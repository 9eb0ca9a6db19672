package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.output.OutputFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lowest-rated through real HDFS and YARN: a MiniDFSCluster and a MiniMRYarnCluster in this JVM, the job
 * submitted to the ResourceManager, its tasks in NodeManager containers, inputs and output on HDFS.
 */
class MiniClusterIT {

  @TempDir
  static Path temp;

  static MiniDFSCluster dfs;
  static MiniMRYarnCluster yarn;

  @BeforeAll
  static void startClusters() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    dfs.waitActive();
    conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
    conf.setInt("yarn.nodemanager.resource.memory-mb", 4096);
    conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
    conf.setInt("yarn.app.mapreduce.am.resource.mb", 512);
    conf.set("yarn.app.mapreduce.am.command-opts", "-Xmx384m");
    conf.setInt("mapreduce.map.memory.mb", 512);
    conf.setInt("mapreduce.reduce.memory.mb", 512);
    conf.set("mapreduce.map.java.opts", "-Xmx384m");
    conf.set("mapreduce.reduce.java.opts", "-Xmx384m");
    conf.setInt("mapreduce.client.completion.pollinterval", 200);
    yarn = new MiniMRYarnCluster("movielens", 1);
    yarn.init(conf);
    yarn.start();
  }

  @AfterAll
  static void stopClusters() {
    try {
      if (yarn != null) {
        yarn.stop();
      }
    } finally {
      if (dfs != null) {
        dfs.shutdown();
      }
    }
  }

  @Test
  void lowestRatedRunsOnYarnOverHdfs() throws Exception {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(20_000).users(200).movies(300).seed(9).build();
    Path ratings = temp.resolve("u.data");
    Path movies = temp.resolve("u.item");
    try (OutputStream out = Files.newOutputStream(ratings)) {
      generator.writeRatings(out);
    }
    try (OutputStream out = Files.newOutputStream(movies)) {
      generator.writeMovies(out);
    }
    Configuration conf = new Configuration(yarn.getConfig());
    FileSystem hdfs = dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(ratings.toUri()), new org.apache.hadoop.fs.Path("/data/ratings/u.data"));
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(movies.toUri()), new org.apache.hadoop.fs.Path("/data/u.item"));

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LowestRatedJob job = new LowestRatedJob();
    job.printingTo(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit = ToolRunner.run(conf, job, new String[] {"--movies", "/data/u.item", "/data/ratings", "/results/lowest"});

    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    String summary = err.toString(StandardCharsets.UTF_8);
    assertTrue(summary.contains("job_") && !summary.contains("job_local"), "the job must run on YARN: " + summary);
    List<String> lines = OutputFiles.readRows(conf, new org.apache.hadoop.fs.Path("/results/lowest")).stream()
        .map(row -> String.join("\t", row)).toList();
    assertEquals(new MovieLensOracle(List.of(ratings), movies).lowestRated(10, 10), lines);
    assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/results/lowest/_SUCCESS")));
  }
}
