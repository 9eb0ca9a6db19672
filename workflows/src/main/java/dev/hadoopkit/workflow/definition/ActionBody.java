package dev.hadoopkit.workflow.definition;

import java.util.List;
import java.util.Map;

/**
 * An action's body as typed values, one record per action type that has an executor ({@link Other} for the rest).
 * {@link WorkflowParser} makes it with EL still unresolved; {@link ActionBodies#of} makes the same record from the
 * element the engine resolved for an attempt, and that is what an executor reads (it never sees the DOM). Absent
 * texts are null, absent lists empty; texts are trimmed as the executors trim them.
 */
public sealed interface ActionBody {
  /** The action type: the body element's name ({@code shell}, {@code map-reduce}, …). */
  String type();

  /**
   * What the Hadoop action types share: the cluster ({@code <resource-manager>} or {@code <job-tracker>},
   * {@code <name-node>}), {@code <prepare>}, {@code <job-xml>}s, {@code <configuration>}, {@code <file>}s and
   * {@code <archive>}s.
   */
  record Hadoop(String resourceManager, String nameNode, List<String> prepareDeletes, List<String> prepareMkdirs,
      List<String> jobXmls, Map<String, String> configuration, List<String> files, List<String> archives) {
  }

  /** {@code <fs>}: its operations in document order. */
  record Fs(String nameNode, List<FsOperation> operations) implements ActionBody {
    public String type() {
      return "fs";
    }
  }

  /** One operation of an fs action. */
  sealed interface FsOperation {
    /** The operation's element name ({@code delete}, {@code chmod}, …), as error messages name it. */
    String element();

    record Delete(String path) implements FsOperation {
      public String element() {
        return "delete";
      }
    }

    record Mkdir(String path) implements FsOperation {
      public String element() {
        return "mkdir";
      }
    }

    record Move(String source, String target) implements FsOperation {
      public String element() {
        return "move";
      }
    }

    record Chmod(String path, String permissions, boolean dirFiles, boolean recursive) implements FsOperation {
      public String element() {
        return "chmod";
      }
    }

    record Touchz(String path) implements FsOperation {
      public String element() {
        return "touchz";
      }
    }

    record Chgrp(String path, String group, boolean dirFiles, boolean recursive) implements FsOperation {
      public String element() {
        return "chgrp";
      }
    }

    record Setrep(String path, String replicationFactor) implements FsOperation {
      public String element() {
        return "setrep";
      }
    }

    /** An element the schema may allow but no operation above names: the executor reports it. */
    record Unsupported(String element) implements FsOperation {
    }
  }

  /**
   * {@code <shell>}: {@code <exec>} with its {@code <argument>}s (verbatim, not trimmed: they go to the command as
   * written) and {@code <env-var>}s (NAME=value).
   */
  record Shell(Hadoop hadoop, String exec, List<String> arguments, List<String> envVars, boolean captureOutput)
      implements ActionBody {
    public String type() {
      return "shell";
    }
  }

  /**
   * {@code <java>}: the main class, {@code <java-opts>} or {@code <java-opt>}s, and {@code <arg>}s (verbatim, not
   * trimmed: they go to the main as written).
   */
  record Java(Hadoop hadoop, String mainClass, String javaOpts, List<String> javaOpt, List<String> args,
      boolean captureOutput) implements ActionBody {
    public String type() {
      return "java";
    }
  }

  /**
   * {@code <map-reduce>}: a job from its configuration; {@code streaming} is null unless it is a streaming job,
   * {@code pipes} whether it has a {@code <pipes>} element (not supported: the executor says so).
   */
  record MapReduce(Hadoop hadoop, Streaming streaming, boolean pipes) implements ActionBody {
    public String type() {
      return "map-reduce";
    }
  }

  /** {@code <streaming>} of a map-reduce action: the commands and their {@code <env>} (NAME=value). */
  record Streaming(String mapper, String reducer, String recordReader, List<String> recordReaderMappings,
      List<String> env) {
  }

  /** {@code <sub-workflow>}: the child app, whether it gets the parent's properties, and its own. */
  record SubWorkflow(String appPath, boolean propagateConfiguration, Map<String, String> configuration)
      implements ActionBody {
    public String type() {
      return "sub-workflow";
    }
  }

  /** {@code <distcp>}: {@code <java-opts>} and the {@code <arg>}s (sources, then the target). */
  record Distcp(Hadoop hadoop, String javaOpts, List<String> args) implements ActionBody {
    public String type() {
      return "distcp";
    }
  }

  /** {@code <email>}: recipients (comma-separated), subject, body, content type and attachments. */
  record Email(String to, String cc, String bcc, String subject, String body, String contentType, String attachment)
      implements ActionBody {
    public String type() {
      return "email";
    }
  }

  /** {@code <hive2>}: the JDBC URL and password, a script or a query, {@code <param>}s and {@code <argument>}s. */
  record Hive2(Hadoop hadoop, String jdbcUrl, String password, String script, String query, List<String> params,
      List<String> arguments) implements ActionBody {
    public String type() {
      return "hive2";
    }

    /** The password is a secret: never printed. */
    @Override
    public String toString() {
      return "Hive2[jdbcUrl=" + jdbcUrl + ", password=" + (password == null ? null : "*****") + ", script=" + script
          + ", query=" + query + ", params=" + params + ", arguments=" + arguments + "]";
    }
  }

  /** {@code <sqoop>}: one {@code <command>} line or its {@code <arg>}s. */
  record Sqoop(Hadoop hadoop, String command, List<String> args) implements ActionBody {
    public String type() {
      return "sqoop";
    }
  }

  /** A type no executor here reads typed (pig, hive, spark, ssh, git, a custom action): its name only. */
  record Other(String type) implements ActionBody {
  }
}
