package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.fs.Path;

/**
 * The email action: to, cc, bcc (comma-separated), subject, body, content_type, attachment (comma-separated
 * Hadoop paths), sent over SMTP with Jakarta Mail. The server is set by Oozie's keys in job.properties (or the Hadoop
 * configuration): {@code oozie.email.smtp.host} (localhost), {@code oozie.email.smtp.port} (25),
 * {@code oozie.email.from.address}, {@code oozie.email.smtp.auth}, {@code oozie.email.smtp.username},
 * {@code oozie.email.smtp.password} (never logged), {@code oozie.email.smtp.starttls.enable}.
 */
final class EmailActionExecutor implements ActionExecutor {

  @Override
  public String type() {
    return "email";
  }

  private static String setting(ActionContext context, String key, String defaultValue) {
    String value = context.workflowConf().get(key);
    if (value == null || value.isEmpty()) {
      value = context.conf().get(key);
    }
    return value == null || value.isEmpty() ? defaultValue : value.trim();
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    ActionBody.Email body = context.body(ActionBody.Email.class);
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", setting(context, "oozie.email.smtp.host", "localhost"));
    smtp.put("mail.smtp.port", setting(context, "oozie.email.smtp.port", "25"));
    smtp.put("mail.smtp.connectiontimeout", "30000");
    smtp.put("mail.smtp.timeout", "30000");
    boolean auth = Boolean.parseBoolean(setting(context, "oozie.email.smtp.auth", "false"));
    smtp.put("mail.smtp.auth", String.valueOf(auth));
    smtp.put("mail.smtp.starttls.enable", setting(context, "oozie.email.smtp.starttls.enable", "false"));
    String user = setting(context, "oozie.email.smtp.username", "");
    String password = setting(context, "oozie.email.smtp.password", "");
    Session session = auth ? Session.getInstance(smtp, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user, password);
      }
    }) : Session.getInstance(smtp);

    MimeMessage message = new MimeMessage(session);
    try {
      message.setFrom(new InternetAddress(setting(context, "oozie.email.from.address", "oozie@localhost")));
      message.setRecipients(Message.RecipientType.TO, addresses(body.to()));
      message.setRecipients(Message.RecipientType.CC, addresses(body.cc()));
      message.setRecipients(Message.RecipientType.BCC, addresses(body.bcc()));
    } catch (AddressException e) {
      return ActionOutcome.error(RunErrorCode.EM002, "invalid email address: " + e.getMessage());
    }
    if (message.getRecipients(Message.RecipientType.TO).length == 0) {
      return ActionOutcome.error(RunErrorCode.EM001, "no <to> address");
    }
    message.setSubject(body.subject(), "UTF-8");
    String contentType = body.contentType();
    String text = body.body();
    String attachments = body.attachment();
    if (attachments == null || attachments.isBlank()) {
      message.setContent(text, contentType == null ? "text/plain; charset=UTF-8" : contentType);
    } else {
      MimeMultipart multipart = new MimeMultipart();
      MimeBodyPart textPart = new MimeBodyPart();
      textPart.setContent(text, contentType == null ? "text/plain; charset=UTF-8" : contentType);
      multipart.addBodyPart(textPart);
      for (String attachment : attachments.split(",")) {
        Path path = new Path(attachment.trim());
        byte[] bytes;
        try (InputStream in = path.getFileSystem(context.conf()).open(path)) {
          bytes = in.readAllBytes();
        } catch (java.io.IOException e) {
          return ActionOutcome.error(RunErrorCode.EM008, "cannot read attachment " + path + ": " + e.getMessage());
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
        part.setFileName(path.getName());
        multipart.addBodyPart(part);
      }
      message.setContent(multipart);
    }
    try {
      Transport.send(message);
    } catch (MessagingException e) {
      return ActionOutcome.error(RunErrorCode.EM004, "cannot send mail through " + smtp.get("mail.smtp.host") + ":"
          + smtp.get("mail.smtp.port") + ": " + e.getMessage());
    }
    String id = message.getMessageID();
    if (id != null) {
      context.externalId().accept(id);
    }
    return ActionOutcome.ok();
  }

  private static InternetAddress[] addresses(String list) throws AddressException {
    List<InternetAddress> out = new ArrayList<>();
    if (list != null) {
      for (String address : list.split(",")) {
        if (!address.isBlank()) {
          out.add(new InternetAddress(address.trim(), true));
        }
      }
    }
    return out.toArray(new InternetAddress[0]);
  }
}
