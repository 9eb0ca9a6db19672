// Built by OozieToAirflowMapReduce into the app's lib/wordcount.jar (never on the test classpath). The workflow of
// oozie-to-airflow's mapreduce example names WordCount$Map and WordCount$Reduce in the default package, from a jar
// that repository does not hold. These two names are Hadoop's own WordCount example classes
// (org.apache.hadoop.examples.WordCount from hadoop-mapreduce-examples, packed into the same jar): the counting
// is Hadoop's, only the class names are the ones the workflow asks for.
public class WordCount {
  public static class Map extends org.apache.hadoop.examples.WordCount.TokenizerMapper {
  }

  public static class Reduce extends org.apache.hadoop.examples.WordCount.IntSumReducer {
  }
}
