package dev.hadoopkit.workflow.coord;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Coordinators and bundles written after Oozie's example apps (examples/src/main/apps) and functional spec. */
final class CoordFixtures {
  private CoordFixtures() {
  }

  static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  static final Map<String, String> EXAMPLE_PROPERTIES = Map.of(
      "nameNode", "hdfs://localhost:8020", "resourceManager", "localhost:8032", "queueName", "default",
      "examplesRoot", "examples", "start", "2010-01-01T01:00Z", "end", "2010-01-01T03:00Z",
      "workflowAppUri", "hdfs://localhost:8020/user/joe/examples/apps/cron", "user.name", "joe");

  /** After examples/apps/cron-schedule: a cron frequency, every 10 minutes. */
  static final String CRON = """
      <coordinator-app name="cron-coord" frequency="0/10 * * * *" start="${start}" end="${end}" timezone="UTC"
                       xmlns="uri:oozie:coordinator:0.2">
        <action>
          <workflow>
            <app-path>${workflowAppUri}</app-path>
            <configuration>
              <property><name>resourceManager</name><value>${resourceManager}</value></property>
              <property><name>nameNode</name><value>${nameNode}</value></property>
              <property><name>queueName</name><value>${queueName}</value></property>
            </configuration>
          </workflow>
        </action>
      </coordinator-app>
      """;

  /** After examples/apps/aggregator: 20-minute raw logs aggregated every hour. */
  static final String AGGREGATOR = """
      <coordinator-app name="aggregator-coord" frequency="${coord:hours(1)}" start="${start}" end="${end}"
                       timezone="UTC" xmlns="uri:oozie:coordinator:0.2">
        <controls>
          <concurrency>1</concurrency>
        </controls>
        <datasets>
          <dataset name="raw-logs" frequency="${coord:minutes(20)}" initial-instance="2010-01-01T00:00Z" timezone="UTC">
            <uri-template>${nameNode}/user/${coord:user()}/${examplesRoot}/input-data/rawLogs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}</uri-template>
          </dataset>
          <dataset name="aggregated-logs" frequency="${coord:hours(1)}" initial-instance="2010-01-01T01:00Z" timezone="UTC">
            <uri-template>${nameNode}/user/${coord:user()}/${examplesRoot}/output-data/aggregator/aggregatedLogs/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template>
          </dataset>
        </datasets>
        <input-events>
          <data-in name="input" dataset="raw-logs">
            <start-instance>${coord:current(-2)}</start-instance>
            <end-instance>${coord:current(0)}</end-instance>
          </data-in>
        </input-events>
        <output-events>
          <data-out name="output" dataset="aggregated-logs">
            <instance>${coord:current(0)}</instance>
          </data-out>
        </output-events>
        <action>
          <workflow>
            <app-path>${nameNode}/user/${coord:user()}/${examplesRoot}/apps/aggregator</app-path>
            <configuration>
              <property><name>nameNode</name><value>${nameNode}</value></property>
              <property><name>inputData</name><value>${coord:dataIn('input')}</value></property>
              <property><name>outputData</name><value>${coord:dataOut('output')}</value></property>
              <property><name>hour</name><value>${coord:formatTime(coord:nominalTime(), 'yyyy-MM-dd HH')}</value></property>
            </configuration>
          </workflow>
        </action>
      </coordinator-app>
      """;

  /** After examples/apps/coord-input-logic: data-1 or data-2. */
  static final String INPUT_LOGIC = """
      <coordinator-app name="coord-input-logic" frequency="${coord:hours(1)}" start="${start}" end="${end}"
                       timezone="UTC" xmlns="uri:oozie:coordinator:0.5">
        <controls><concurrency>1</concurrency></controls>
        <datasets>
          <dataset name="data-1" frequency="${coord:minutes(20)}" initial-instance="2010-01-01T00:00Z" timezone="UTC">
            <uri-template>${root}/rawLogs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}</uri-template>
          </dataset>
          <dataset name="data-2" frequency="${coord:minutes(20)}" initial-instance="2010-01-01T00:00Z" timezone="UTC">
            <uri-template>${root}/rawLogs-2/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}</uri-template>
          </dataset>
          <dataset name="output" frequency="${coord:hours(1)}" initial-instance="2010-01-01T01:00Z" timezone="UTC">
            <uri-template>${root}/output/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template>
          </dataset>
        </datasets>
        <input-events>
          <data-in name="input-1" dataset="data-1">
            <start-instance>${coord:current(-2)}</start-instance>
            <end-instance>${coord:current(0)}</end-instance>
          </data-in>
          <data-in name="input-2" dataset="data-2">
            <start-instance>${coord:current(-2)}</start-instance>
            <end-instance>${coord:current(0)}</end-instance>
          </data-in>
        </input-events>
        <input-logic>
          <or name="input">
            <data-in dataset="input-1"/>
            <data-in dataset="input-2"/>
          </or>
        </input-logic>
        <output-events>
          <data-out name="output" dataset="output"><instance>${coord:current(0)}</instance></data-out>
        </output-events>
        <action>
          <workflow>
            <app-path>${root}/apps/coord-input-logic</app-path>
            <configuration>
              <property><name>outputData</name><value>${coord:dataOut('output')}</value></property>
              <property><name>inputData</name><value>${coord:dataIn('input')}</value></property>
            </configuration>
          </workflow>
        </action>
      </coordinator-app>
      """;

  /** The functional spec's example: a daily coordinator over 24 hourly instances (current(-23)..current(0)). */
  static final String DAILY_OVER_HOURLY = """
      <coordinator-app name="app-coord" frequency="${coord:days(1)}" start="2009-01-02T00:00Z"
                       end="2009-12-31T00:00Z" timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
        <datasets>
          <dataset name="hourlyLogs" frequency="${coord:hours(1)}" initial-instance="2009-01-01T00:00Z" timezone="UTC">
            <uri-template>hdfs://bar:8020/app/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}</uri-template>
          </dataset>
        </datasets>
        <input-events>
          <data-in name="inputLogs" dataset="hourlyLogs">
            <start-instance>${coord:current(-23)}</start-instance>
            <end-instance>${coord:current(0)}</end-instance>
          </data-in>
        </input-events>
        <action>
          <workflow>
            <app-path>hdfs://bar:8020/usr/joe/logsprocessor-wf</app-path>
            <configuration>
              <property><name>wfInput</name><value>${coord:dataIn('inputLogs')}</value></property>
            </configuration>
          </workflow>
          <sla:info xmlns:sla="uri:oozie:sla:0.2">
            <sla:nominal-time>${coord:nominalTime()}</sla:nominal-time>
            <sla:should-start>${10 * MINUTES}</sla:should-start>
            <sla:should-end>${2 * HOURS}</sla:should-end>
            <sla:max-duration>${90 * MINUTES}</sla:max-duration>
            <sla:alert-events>start_miss,end_miss</sla:alert-events>
            <sla:alert-contact>joe@example.com</sla:alert-contact>
          </sla:info>
        </action>
      </coordinator-app>
      """;

  /** After examples/apps/bundle: two coordinators. */
  static final String BUNDLE = """
      <bundle-app name='bundle-app' xmlns='uri:oozie:bundle:0.2'>
        <parameters>
          <property><name>kickOff</name><value>2009-02-01T00:00Z</value></property>
        </parameters>
        <controls><kick-off-time>${kickOff}</kick-off-time></controls>
        <coordinator name='coord-1'>
          <app-path>${appRoot}/coord-1</app-path>
          <configuration>
            <property><name>start</name><value>${start}</value></property>
            <property><name>end</name><value>${end}</value></property>
            <property><name>flavor</name><value>one</value></property>
          </configuration>
        </coordinator>
        <coordinator name='coord-2' critical='true'>
          <app-path>${appRoot}/coord-2</app-path>
          <configuration>
            <property><name>flavor</name><value>two</value></property>
          </configuration>
        </coordinator>
      </bundle-app>
      """;
}
