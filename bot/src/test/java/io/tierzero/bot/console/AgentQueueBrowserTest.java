package io.tierzero.bot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Browser;
import io.tierzero.bot.RequiresBrowser;
import io.tierzero.bot.tickets.HelpDeskUpdates;
import io.tierzero.bot.tickets.TicketQueries;
import io.tierzero.bot.tickets.TicketStatus;
import io.tierzero.bot.tickets.TicketsTestApp;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a working queue, in Chromium, with the user's widget open in another window: the
 * user raises a ticket in the widget; an agent signs in to the console, takes the ticket, moves it
 * to open and replies; the widget shows the new status and the reply, and says them in its live
 * region, without the user sending anything; then the help desk's own status change (the seam
 * Request Tracker's poller calls) arrives the same way.
 */
@RequiresBrowser
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentQueueBrowserTest implements TestPropertyProvider {
  /** The widget's longest wait between two polls is 30 s; a poll and a render fit in the rest. */
  private static final Duration LIVE_PATIENCE = Duration.ofSeconds(75);

  @Inject EmbeddedServer server;
  @Inject TicketQueries tickets;
  @Inject HelpDeskUpdates helpDesk;

  private Browser browser;
  private WebDriver driver;
  private String base;

  @Override
  public Map<String, String> getProperties() {
    return TicketsTestApp.properties();
  }

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(1280, 1000);
    driver = browser.driver;
    base = "http://localhost:" + server.getPort();
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  void an_agent_takes_moves_and_replies_and_the_open_widget_shows_it_without_a_new_message()
      throws Exception {
    // The user, in the widget.
    driver.get(base + "/");
    var userWindow = driver.getWindowHandle();
    waitFor(d -> shadow().findElement(By.cssSelector(".tz-launcher"))).click();
    ask("my screen flickers");
    waitFor(
        d ->
            !shadow().findElement(By.cssSelector(".tz-typing")).isDisplayed()
                && userMessages().size() == 1
                && !botMessages().isEmpty());
    ask("talk to a person");
    var form =
        waitFor(
            d -> shadow().findElement(By.cssSelector(".tz-bot[data-type='handoff'] form.tz-form")));
    for (var field : form.findElements(By.cssSelector("input[required]"))) {
      switch (field.getDomAttribute("type")) {
        case "checkbox" -> field.click();
        case "email" -> field.sendKeys("alex@example.com");
        default -> field.sendKeys("Alex Example");
      }
    }
    form.findElement(By.cssSelector("button[type=submit]")).click();
    var done = waitFor(d -> shadow().findElement(By.cssSelector(".tz-form-done")));
    var number = done.getText().replaceAll("(?s).*?(T-\\d{6}).*", "$1");
    assertTrue(number.matches("T-\\d{6}"), done.getText());
    var userMessagesBefore = userMessages().size();

    // The agent, in the console in another window.
    driver.switchTo().newWindow(WindowType.WINDOW);
    var agentWindow = driver.getWindowHandle();
    driver.get(base + "/console/tickets");
    waitFor(d -> d.findElement(By.id("username"))).sendKeys(TicketsTestApp.AGENT);
    driver.findElement(By.id("password")).sendKeys(TicketsTestApp.AGENT_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(d -> d.findElement(By.linkText(number))).click();
    waitFor(d -> d.findElement(By.id("take"))).click();
    waitFor(d -> d.findElement(By.id("notice")).getText().equals("Saved: assigned."));
    assertEquals(
        TicketsTestApp.AGENT,
        new Select(driver.findElement(By.id("assignee"))).getFirstSelectedOption().getText());
    var statuses =
        new Select(driver.findElement(By.id("status")))
            .getOptions().stream().map(WebElement::getText).toList();
    assertEquals(List.of("new (now)", "open", "pending", "resolved", "closed"), statuses);
    new Select(driver.findElement(By.id("status"))).selectByValue("open");
    driver
        .findElement(By.id("reply"))
        .sendKeys("Hi Alex, I'm on it. Please try another cable meanwhile.");
    driver.findElement(By.id("save")).click();
    waitFor(d -> d.findElement(By.id("notice")).getText().equals("Saved: status, reply."));
    var nowOpen =
        new Select(driver.findElement(By.id("status")))
            .getOptions().stream().map(WebElement::getText).toList();
    assertEquals(
        List.of("open (now)", "pending", "resolved", "closed"), nowOpen, "never back to new");
    assertTrue(
        driver
            .findElement(By.cssSelector("ol.history"))
            .getText()
            .contains("Please try another cable meanwhile."));
    screenshot("console-ticket-worked.png");

    // Back to the user's window: the reply and the status arrive on their own.
    driver.switchTo().window(userWindow);
    var reply =
        new WebDriverWait(driver, LIVE_PATIENCE)
            .ignoring(NoSuchElementException.class)
            .ignoring(StaleElementReferenceException.class)
            .until(
                d ->
                    botMessages().stream()
                        .filter(m -> m.getText().contains("Please try another cable meanwhile."))
                        .findFirst()
                        .orElse(null));
    assertEquals("ticket_status", reply.getDomAttribute("data-type"));
    assertTrue(
        reply
            .getText()
            .contains(TicketsTestApp.AGENT + " from the IT Service Desk replied on " + number),
        reply.getText());
    assertTrue(
        botMessages().stream()
            .anyMatch(m -> m.getText().contains("Your ticket " + number + " is now open.")),
        "the status change is shown too");
    assertEquals(userMessagesBefore, userMessages().size(), "the user sent nothing");
    var live = shadow().findElement(By.cssSelector(".tz-sr[aria-live='polite']"));
    waitFor(d -> live.getAttribute("textContent").contains("Please try another cable meanwhile."));
    screenshot("widget-agent-reply.png");

    // The help desk's own news (Request Tracker's poller calls the same seam) arrives the same way.
    var ticketId = tickets.get(number).orElseThrow().id();
    assertTrue(helpDesk.statusChanged(ticketId, "test:status:1", TicketStatus.PENDING));
    new WebDriverWait(driver, LIVE_PATIENCE)
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                botMessages().stream()
                    .anyMatch(
                        m -> m.getText().contains("Your ticket " + number + " is now pending.")));
    waitFor(d -> live.getAttribute("textContent").contains("is now pending"));
    assertEquals(userMessagesBefore, userMessages().size(), "the user sent nothing");
    driver.switchTo().window(agentWindow).close();
    driver.switchTo().window(userWindow);
  }

  // ---- helpers ----

  private SearchContext shadow() {
    return driver.findElement(By.tagName("tierzero-chat")).getShadowRoot();
  }

  private void ask(String text) {
    shadow().findElement(By.id("tz-input")).sendKeys(text, Keys.ENTER);
  }

  private List<WebElement> botMessages() {
    return shadow().findElements(By.cssSelector(".tz-msg.tz-bot"));
  }

  private List<WebElement> userMessages() {
    return shadow().findElements(By.cssSelector(".tz-msg.tz-user"));
  }

  private void screenshot(String name) throws Exception {
    var file = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of("target/screenshots"));
    Files.copy(file, Path.of("target/screenshots/" + name), StandardCopyOption.REPLACE_EXISTING);
  }

  private <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              var value = condition.apply(d);
              return value instanceof Boolean b ? (b ? value : null) : value;
            });
  }
}
