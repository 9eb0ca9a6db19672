package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.workflow.definition.GlobalSpec;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElScope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A {@code <job-xml>}'s values are EL of the workflow, as Oozie evaluates them (oozie-to-airflow's mapreduce example
 * has {@code mapred.job.queue.name=${queueName}} there); what EL cannot evaluate stays for Hadoop's own expansion.
 */
@Timeout(30)
class JobXmlElTest {
  @TempDir
  Path app;

  @Test
  void jobXmlValuesAreEvaluatedWithTheRunsVariables() throws Exception {
    Files.writeString(app.resolve("job-queue-conf.xml"), "<configuration>"
        + "<property><name>mapred.job.queue.name</name><value>${queueName}</value></property>"
        + "<property><name>plain</name><value>as written</value></property>"
        + "<property><name>for.hadoop</name><value>${not.a.run.variable}/x</value></property>"
        + "</configuration>");
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setNamespaceAware(true);
    Element body = xml.newDocumentBuilder().parse(new ByteArrayInputStream(
        "<map-reduce><job-xml>./job-queue-conf.xml</job-xml></map-reduce>".getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
    Configuration hadoop = new Configuration(false);
    ActionConfBuilder builder = new ActionConfBuilder(GlobalSpec.EMPTY, hadoop, new ElEvaluator(),
        app.toUri().toString());

    Configuration conf = builder.build(body, ElScope.forRun(Map.of("queueName", "etl"), null));

    assertEquals("etl", conf.get("mapred.job.queue.name"));
    assertEquals("as written", conf.get("plain"));
    assertEquals("${not.a.run.variable}/x", conf.getRaw("for.hadoop"));
  }
}
