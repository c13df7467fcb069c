package io.tierzero.bot.console;

import static io.tierzero.bot.analytics.AnalyticsTestApp.raiseTicket;
import static io.tierzero.bot.analytics.AnalyticsTestApp.send;
import static io.tierzero.bot.analytics.AnalyticsTestApp.start;
import static io.tierzero.bot.analytics.AnalyticsTestApp.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Browser;
import io.tierzero.bot.RequiresBrowser;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real browser: signing in, the overview's charts, a ticket, a CSV export. */
@RequiresBrowser
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Browser browser;
  WebDriverWait wait;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @BeforeAll
  void seedAndStart() {
    var answered = start(client);
    var answer = send(client, answered, "my account is locked").get(0);
    client.toBlocking().exchange(vote(answered, Map.of("messageId", answer.id(), "vote", "up")));
    var gap = start(client);
    send(client, gap, "the projector in room 4 shows no picture");
    var ticketed = start(client);
    send(client, ticketed, "the plotter prints blank pages");
    raiseTicket(client, ticketed, "Erin Example", "erin@example.com");
    browser = Browser.start(1400, 1800);
    wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
  }

  private String url(String path) {
    return server.getURL() + path;
  }

  private void signIn() {
    var driver = browser.driver;
    driver.manage().deleteAllCookies();
    driver.get(url("/console"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
        .sendKeys(AnalyticsTestApp.AGENT);
    driver.findElement(By.id("password")).sendKeys(AnalyticsTestApp.AGENT_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-conversations")));
  }

  @Test
  void an_anonymous_visitor_is_sent_to_sign_in_and_sees_no_figures() {
    var driver = browser.driver;
    driver.manage().deleteAllCookies();

    driver.get(url("/console/tickets"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

    assertTrue(driver.getCurrentUrl().contains("/console/login"), driver.getCurrentUrl());
    assertFalse(driver.getPageSource().contains("plotter"), "no ticket data before signing in");
    driver.get(url("/api/agent/analytics/summary"));
    assertFalse(driver.getPageSource().contains("containment"), driver.getPageSource());
  }

  @Test
  void a_wrong_password_is_refused() {
    var driver = browser.driver;
    driver.manage().deleteAllCookies();
    driver.get(url("/console/login"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
        .sendKeys(AnalyticsTestApp.AGENT);
    driver.findElement(By.id("password")).sendKeys("not the password");
    driver.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
    driver.get(url("/console"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
  }

  @Test
  void an_agent_signs_in_and_sees_the_overview_charts() throws Exception {
    signIn();
    var driver = browser.driver;

    for (var id :
        new String[] {"chart-conversations", "chart-containment", "chart-articles", "chart-gaps"}) {
      var chart = driver.findElement(By.id(id));
      assertEquals("img", chart.getAttribute("role"));
      assertTrue(chart.getSize().getWidth() > 300, id + " is drawn");
      assertFalse(
          chart.findElement(By.tagName("title")).getAttribute("textContent").isBlank(),
          id + " has a title");
    }
    assertTrue(
        driver
            .findElement(By.id("chart-articles"))
            .getAttribute("textContent")
            .contains("Account locked out"));
    assertTrue(
        driver
            .findElement(By.id("chart-gaps"))
            .getAttribute("textContent")
            .contains("the projector in room 4"));
    assertTrue(
        driver
            .findElement(By.id("chart-conversations"))
            .getAttribute("textContent")
            .contains("Day (UTC)"));
    var screenshot = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        screenshot,
        Path.of("target/console-overview.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void an_agent_opens_a_ticket_and_reads_its_transcript() throws Exception {
    signIn();
    var driver = browser.driver;

    driver.findElement(By.linkText("Tickets")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("T-"))).click();
    var transcript =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.transcript")));

    assertTrue(
        driver.findElement(By.tagName("h1")).getText().contains("the plotter prints blank pages"));
    assertTrue(
        transcript.getText().contains("the plotter prints blank pages"), transcript.getText());
    assertTrue(transcript.getText().contains("talk to a person"), transcript.getText());
    assertTrue(driver.getPageSource().contains("erin@example.com"));
    var screenshot = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        screenshot,
        Path.of("target/console-ticket.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void an_agent_exports_the_summary_as_csv() throws Exception {
    signIn();

    browser.driver.findElement(By.cssSelector("a.csv[href*='/csv/summary']")).click();
    var file =
        wait.until(
            d -> {
              try (var files = Files.list(browser.downloads)) {
                return files
                    .filter(
                        p ->
                            p.getFileName().toString().startsWith("tierzero-summary-")
                                && p.toString().endsWith(".csv"))
                    .findFirst()
                    .orElse(null);
              } catch (java.io.IOException e) {
                return null;
              }
            });

    var csv = Files.readString(file);
    assertTrue(csv.startsWith("figure,value,count,of,definition"), csv);
    assertTrue(csv.contains("\r\nconversations,3,"), csv);
    assertTrue(csv.contains("\r\ntickets,1,"), csv);
  }
}
