package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.assertNode;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** distcp through local Hadoop, then an email through a real SMTP server (GreenMail) in the test JVM. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MailAndDistcpIT {
  @TempDir
  Path root;

  /*
   *  start -> copy(distcp src -> dst) -> notify(email with counters and a file attached) -> end
   */
  @Test
  void distcpThenEmail() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      Path src = Files.createDirectories(root.resolve("src"));
      Files.writeString(src.resolve("a.txt"), "alpha\n");
      Files.writeString(src.resolve("b.txt"), "beta beta\n");
      Path dst = root.resolve("dst");
      Path app = app(root, "app", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"copy-and-mail\">\n"
          + "  <start to=\"copy\"/>\n"
          + "  <action name=\"copy\">\n    <distcp xmlns=\"uri:oozie:distcp-action:0.2\">\n"
          + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
          + "      <arg>" + src.toUri() + "</arg>\n      <arg>" + dst.toUri() + "</arg>\n"
          + "    </distcp>\n    <ok to=\"notify\"/><error to=\"fail\"/>\n  </action>\n"
          + "  <action name=\"notify\">\n    <email xmlns=\"uri:oozie:email-action:0.2\">\n"
          + "      <to>ops@example.com, lead@example.com</to>\n      <cc>audit@example.com</cc>\n"
          + "      <subject>${wf:name()} copied</subject>\n"
          + "      <body>job ${wf:actionExternalId('copy')} copied"
          + " ${hadoop:counters('copy')['org.apache.hadoop.tools.mapred.CopyMapper$Counter']['COPY']} files</body>\n"
          + "      <attachment>" + dst.resolve("a.txt").toUri() + "</attachment>\n"
          + "    </email>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
          + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
          + "  <end name=\"end\"/>\n</workflow-app>\n");
      RunState state = run(engine(root, 2), app, Map.of("jobTracker", "local", "nameNode", "file:///",
          "oozie.email.smtp.host", "127.0.0.1", "oozie.email.smtp.port",
          String.valueOf(smtp.getSmtp().getPort()), "oozie.email.from.address", "workflows@example.com"));

      assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
      assertNode(state, "copy", NodeStatus.OK);
      assertEquals("alpha\n", Files.readString(dst.resolve("a.txt")));
      assertEquals("beta beta\n", Files.readString(dst.resolve("b.txt")));
      String jobId = state.nodeRun("copy").externalId();
      assertTrue(jobId.startsWith("job_local"), jobId);

      MimeMessage[] received = smtp.getReceivedMessages();
      assertEquals(3, received.length, "one delivery per recipient (2 to + 1 cc)");
      MimeMessage mail = received[0];
      assertEquals("copy-and-mail copied", mail.getSubject());
      assertEquals("workflows@example.com", mail.getFrom()[0].toString());
      assertEquals(2, mail.getRecipients(Message.RecipientType.TO).length);
      String content = GreenMailUtil.getWholeMessage(mail);
      assertTrue(content.contains("job " + jobId + " copied 2 files"), content);
      assertTrue(content.contains("a.txt"), "attachment name missing: " + content);
    } finally {
      smtp.stop();
    }
  }

  /*
   *  start -> notify(email to a closed port) --error--> fail
   */
  @Test
  void unreachableSmtpServerIsAnActionError() throws Exception {
    Path app = app(root, "bad", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"bad-mail\">\n"
        + "  <start to=\"notify\"/>\n  <action name=\"notify\">\n    <email xmlns=\"uri:oozie:email-action:0.1\">"
        + "<to>ops@example.com</to><subject>s</subject><body>b</body></email>\n"
        + "    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    RunState state = run(engine(root, 2), app, Map.of("oozie.email.smtp.host", "127.0.0.1",
        "oozie.email.smtp.port", "1"));
    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertEquals("EM004", state.nodeRun("notify").errorCode());
    assertTrue(state.info().statusMessage().contains("127.0.0.1:1"), state.info().statusMessage());
  }
}
