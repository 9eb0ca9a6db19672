package dev.hadoopkit.workflow.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's chromium, headless, driven by Selenium through /usr/bin/chromedriver)
 * against the real daemon: a coordinator submitted through the form (dry run, then run), its waiting actions turning
 * SUCCEEDED on the open page through the event stream when their input data arrives (no reload), the workflow run's
 * DAG, an action killed and rerun from the page, and no JavaScript error in the browser's console. Screenshots of
 * each page go to {@code target/console-screenshots/}.
 *
 * <pre>
 * coordinator "browser-hourly": 4 hourly actions, each waits for data/yyyyMMddHH/_SUCCESS
 *   1..3  data arrives while the page is open  ->  WAITING -> SUCCEEDED (live)
 *   4     never gets data                      ->  WAITING -> KILLED (kill from the page)
 *         data arrives, rerun from the page    ->  WAITING -> SUCCEEDED (live)
 * workflow of an action:  start -> make (fs mkdir) -> end        all nodes "ok"
 * </pre>
 */
class ConsoleBrowserIT {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Duration LIVE = Duration.ofSeconds(60);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  @TempDir
  Path root;
  private ConsoleFixture console;
  private ChromeDriverService service;
  private WebDriver browser;
  private final List<String> browserErrors = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      fail("ConsoleBrowserIT needs Debian's chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER + "): "
          + "install them with  apt-get update && apt-get install -y chromium chromium-driver  (.ci/run does)");
    }
    console = new ConsoleFixture(root);
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(30)).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1100", "--user-data-dir=" + Files.createDirectories(root.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      if (console != null) {
        console.close();
      }
    }
  }

  @Test
  void submitWatchLiveKillAndRerunInTheBrowser() throws Exception {
    Path workflow = console.workflowApp("wf", "browser-make-dir");
    Path app = console.coordinatorApp("coord", "browser-hourly", workflow, true);
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(Duration.ofHours(4));

    // submit through the form: dry run first, then run
    browser.get(console.base + "/submit");
    WebElement text = browser.findElement(By.id("text"));
    text.sendKeys(console.coordinatorProperties(app, 4));
    screenshot("submit-form");
    browser.findElement(By.id("dryrun")).click();
    await("the dry run", () -> !browser.findElements(By.id("dryrun-output")).isEmpty());
    String dryRun = text(By.id("dryrun-output"));
    assertTrue(dryRun.contains("action"), dryRun);
    screenshot("submit-dryrun");
    collectBrowserErrors();
    browser.findElement(By.id("run")).click();
    await("the coordinator's page", () -> browser.getCurrentUrl().endsWith("-C"));
    String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    assertTrue(text(By.id("flash")).contains("Submitted " + id));

    // the page stays the same document from here on: a marker that a reload would lose
    ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");
    await("4 waiting actions on the open page", () -> cells("st-waiting") == 4);
    assertTrue(text(By.cssSelector("#action-4 td.wait")).contains("file://"),
        "the waiting action shows its missing input");
    screenshot("coordinator-waiting");

    for (int hour = 0; hour < 3; hour++) {
      arrive(start.plus(Duration.ofHours(hour)));
    }
    await("actions 1-3 SUCCEEDED through the event stream", () -> cells("st-succeeded") == 3);
    assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"),
        "the page was reloaded instead of updated live");
    assertTrue(Integer.parseInt(browser.findElement(By.tagName("body")).getAttribute("data-events")) > 0);
    screenshot("coordinator-live");
    collectBrowserErrors();

    // kill the action that still waits, from the page
    tick(By.cssSelector("#action-4 input[name=n]"));
    click(By.id("kill-actions"));
    await("action 4 KILLED", () -> cell(4).getAttribute("class").contains("st-killed"));
    assertTrue(text(By.id("flash")).contains("Killed actions 4"));
    screenshot("coordinator-killed");
    // its data arrives; rerun it from the page and watch it succeed live
    arrive(start.plus(Duration.ofHours(3)));
    tick(By.cssSelector("#action-4 input[name=n]"));
    click(By.id("rerun-actions"));
    await("the rerun's flash", () -> browser.findElement(By.id("flash")).getText().contains("Rerunning action 4"));
    ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'again';");
    await("action 4 SUCCEEDED after its rerun", () -> cell(4).getAttribute("class").contains("st-succeeded"));
    assertEquals("again", ((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"));
    screenshot("coordinator-rerun");
    collectBrowserErrors();

    // the workflow run of action 1: its DAG, nodes coloured by state
    click(By.cssSelector("#grid a.cell[data-action='1']"));
    await("the workflow page", () -> browser.getCurrentUrl().endsWith("-W"));
    assertEquals(List.of("node", "action", "ok"),
        List.of(read(By.cssSelector("#dag svg g.node[data-name=make]"), e -> e.getAttribute("class")).split(" ")));
    assertTrue(read(By.cssSelector("#dag svg g.node[data-name=end]"), e -> e.getAttribute("class")).contains("ok"));
    assertEquals("OK", text(By.cssSelector("table.nodes tr[data-node=make] .badge")));
    screenshot("workflow");
    collectBrowserErrors();

    // the lists
    browser.get(console.base + "/?type=coordinator");
    String badge = text(By.cssSelector("[data-status-of='" + id + "']"));
    assertTrue(badge.startsWith("RUNNING") || badge.equals("SUCCEEDED"), badge);
    screenshot("jobs-coordinators");
    browser.get(console.base + "/?type=wf");
    assertEquals(4, browser.findElements(By.cssSelector("table.jobs tbody tr")).size());
    screenshot("jobs-workflows");
    collectBrowserErrors();

    assertEquals(List.of(), browserErrors, "JavaScript errors in the browser console");
  }

  /**
   * A 70-action workflow whose 30th action fails: the page draws the chains before and after it as one box each,
   * the failed action on its own, and the zoom buttons scale the drawing.
   */
  @Test
  void aLargeWorkflowsDagCollapsesAndZooms() throws Exception {
    Path app = Files.createDirectories(root.resolve("apps").resolve("long"));
    StringBuilder xml = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"long\">\n"
        + "  <start to=\"step1\"/>\n");
    for (int i = 1; i <= 70; i++) {
      String work = i == 30 ? "<move source=\"" + root.resolve("missing") + "\" target=\"" + root.resolve("moved")
          + "\"/>" : "<mkdir path=\"${output}/" + i + "\"/>";
      xml.append("  <action name=\"step").append(i).append("\"><fs>").append(work).append("</fs><ok to=\"")
          .append(i == 70 ? "end" : "step" + (i + 1)).append("\"/><error to=\"fail\"/></action>\n");
    }
    xml.append("  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(app.resolve("workflow.xml"), xml);
    String id = console.submitWorkflow(app, "alice");
    await("the run to end", () -> WorkflowPage.ENDED.contains(console.status(id)));

    browser.get(console.base + "/job/" + id);
    // Read through read(): a late live update may redraw the DAG between finding a node and reading its class.
    String before = read(By.cssSelector("#dag svg g.node.chain[data-name=step1]"), node -> node.getAttribute("class"));
    assertTrue(before.contains("ok"), before);
    assertTrue(read(By.cssSelector("#dag svg g.node[data-name=step30]"), node -> node.getAttribute("class"))
        .contains("error"));
    assertTrue(read(By.cssSelector("#dag svg g.node.chain[data-name=step31]"), node -> node.getAttribute("class"))
        .contains("not_reached"));
    assertEquals(5, browser.findElements(By.cssSelector("#dag-tools button")).size());
    double own = number("return Number(document.querySelector('#dag > svg').getAttribute('width'))");
    click(By.id("dag-actual"));
    assertEquals(own, width(), 1.0, "1:1 is the drawing's own size");
    click(By.id("dag-zoom-in"));
    assertEquals(own * 1.25, width(), 1.5);
    click(By.id("dag-zoom-out"));
    click(By.id("dag-zoom-out"));
    assertEquals(own / 1.25, width(), 1.5);
    click(By.id("dag-fit"));
    assertTrue(number("var d = document.getElementById('dag'), r = d.querySelector('svg').getBoundingClientRect();"
        + " return r.height <= d.clientHeight && r.width <= d.clientWidth ? 1 : 0") == 1, "fits the box");
    screenshot("workflow-large-fit");
    click(By.id("dag-width"));
    assertEquals("", ((JavascriptExecutor) browser).executeScript(
        "return document.querySelector('#dag > svg').style.width;"));
    screenshot("workflow-large");
    collectBrowserErrors();
    assertEquals(List.of(), browserErrors, "JavaScript errors in the browser console");
  }

  private double width() {
    return number("return document.querySelector('#dag > svg').getBoundingClientRect().width");
  }

  private double number(String script) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(script)).doubleValue();
  }

  /** The input of the action at {@code nominal} arrives. */
  private void arrive(Instant nominal) throws Exception {
    Path dir = Files.createDirectories(root.resolve("data").resolve(HOUR.format(nominal)));
    Files.writeString(dir.resolve("_SUCCESS"), "");
  }

  /**
   * Clicks what {@code by} finds, again if a live update replaced it in between (the page re-renders its tables
   * from the event stream, keeping ticked boxes).
   */
  private void click(By by) {
    new WebDriverWait(browser, LIVE, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
        .until(driver -> {
          driver.findElement(by).click();
          return true;
        });
  }

  /** The text of what {@code by} finds, read again if a live update replaced the element while it was read. */
  private String text(By by) {
    return read(by, WebElement::getText);
  }

  private <T> T read(By by, java.util.function.Function<WebElement, T> reading) {
    return new WebDriverWait(browser, LIVE, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
        .until(driver -> reading.apply(driver.findElement(by)));
  }

  /** Ticks a checkbox (once, whatever live updates do meanwhile). */
  private void tick(By by) {
    new WebDriverWait(browser, LIVE, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
        .until(driver -> {
          WebElement box = driver.findElement(by);
          if (!box.isSelected()) {
            box.click();
          }
          return driver.findElement(by).isSelected();
        });
  }

  private WebElement cell(int number) {
    return browser.findElement(By.cssSelector("#grid a.cell[data-action='" + number + "']"));
  }

  private long cells(String statusClass) {
    return browser.findElements(By.cssSelector("#grid a.cell." + statusClass)).size();
  }

  private void await(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, LIVE, Duration.ofMillis(100)).withMessage(() -> what + "; the daemon says: "
        + daemonState()).ignoring(RuntimeException.class).until(driver -> condition.getAsBoolean());
  }

  /** For a timeout's message: every coordinator's actions as the backend has them. */
  private String daemonState() {
    StringBuilder out = new StringBuilder();
    for (var job : console.backend().jobs(dev.hadoopkit.workflow.server.api.JobType.COORDINATOR,
        java.util.Map.of(), 1, 10).items()) {
      var c = console.coordinator(job.id());
      out.append(c.id()).append(' ').append(c.status()).append(':');
      for (var a : c.actions()) {
        out.append(" #").append(a.actionNumber()).append('=').append(a.status())
            .append(a.waitReason() == null ? "" : "(" + a.waitReason() + ")");
      }
    }
    return out.toString();
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The browser's console since the last call: errors (SEVERE) are kept for the final assertion. */
  private void collectBrowserErrors() {
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        browserErrors.add(entry.getMessage());
      }
    }
  }
}
