package dev.hadoopkit.sandbox.cluster;

/** The kinds of process a sandbox runs, each with the real main class it starts. */
public enum Role {
  NAMENODE("org.apache.hadoop.hdfs.server.namenode.NameNode"),
  DATANODE("org.apache.hadoop.hdfs.server.datanode.DataNode"),
  RESOURCEMANAGER("org.apache.hadoop.yarn.server.resourcemanager.ResourceManager"),
  NODEMANAGER("org.apache.hadoop.yarn.server.nodemanager.NodeManager"),
  JOBHISTORY("org.apache.hadoop.mapreduce.v2.hs.JobHistoryServer"),
  DATABASE("dev.hadoopkit.sandbox.db.EmbeddedMariaDbMain");

  private final String mainClass;

  Role(String mainClass) {
    this.mainClass = mainClass;
  }

  public String mainClass() {
    return mainClass;
  }

  /** Worker roles can be stopped and started one by one (stop-node / start-node). */
  public boolean isWorker() {
    return this == DATANODE || this == NODEMANAGER;
  }
}
