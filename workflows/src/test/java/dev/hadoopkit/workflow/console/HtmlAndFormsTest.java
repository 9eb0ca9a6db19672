package dev.hadoopkit.workflow.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escaping helper, the multipart reader, the redirect guard and the formats, without a server. */
class HtmlAndFormsTest {
  @Test
  void escapesTextAndAttributeValues() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
        Html.escape("<script>alert('x')</script> & \"q\""));
    assertEquals("", Html.escape(null));
    String html = new Html().element("a", "<b>", "href", "/job/\"><x", "title", null).toString();
    assertEquals("<a href=\"/job/&quot;&gt;&lt;x\">&lt;b&gt;</a>", html);
    assertThrows(IllegalArgumentException.class, () -> new Html().open("a", "href"));
  }

  @Test
  void jobLinksKeepTheActionSeparatorAndEncodeTheRest() {
    assertEquals("/job/0000001-261201000000000-hk-C@3", Html.jobLink("0000001-261201000000000-hk-C@3"));
    assertEquals("/job/a%2Fb%20c", Html.jobLink("a/b c"));
  }

  @Test
  void readsMultipartFieldsAndUploads() {
    String body = "--XyZ\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"job.properties\"\r\n"
        + "Content-Type: text/plain\r\n\r\na=1\r\nb=é\r\n"
        + "--XyZ--\r\n";
    Map<String, List<String>> fields = Multipart.parse(body.getBytes(StandardCharsets.UTF_8),
        "multipart/form-data; boundary=XyZ");
    assertEquals(List.of(""), fields.get("path"));
    assertEquals(List.of("a=1\r\nb=é"), fields.get("file"));
    assertThrows(ConsoleException.class, () -> Multipart.parse(new byte[0], "multipart/form-data"));
  }

  @Test
  void redirectsOnlyToPathsOfThisConsole() {
    assertEquals("/job/x-C", LoginPage.safeNext("/job/x-C"));
    assertEquals("/", LoginPage.safeNext("https://evil.example/"));
    assertEquals("/", LoginPage.safeNext("//evil.example/"));
    assertEquals("/", LoginPage.safeNext("/\\evil.example"));
    assertEquals("/", LoginPage.safeNext(null));
  }

  @Test
  void formatsDurationsAndStatusClasses() {
    assertEquals("350 ms", ConsoleText.duration(Duration.ofMillis(350)));
    assertEquals("12.5 s", ConsoleText.duration(Duration.ofMillis(12_500)));
    assertEquals("3m 05s", ConsoleText.duration(Duration.ofSeconds(185)));
    assertEquals("2h 01m", ConsoleText.duration(Duration.ofMinutes(121)));
    assertEquals("st-user_retry", ConsoleText.statusClass("USER_RETRY"));
    assertEquals("st-xonmouseover", ConsoleText.statusClass("X\" onmouseover=\"1"));
  }

  @Test
  void tailsTheLastLinesOfALog() {
    assertEquals("c\nd\n", WorkflowPage.tail("a\nb\nc\nd\n", 2));
    assertEquals("a\nb", WorkflowPage.tail("a\nb", 5));
  }
}
