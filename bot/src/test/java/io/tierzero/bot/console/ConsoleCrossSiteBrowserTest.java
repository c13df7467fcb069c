package io.tierzero.bot.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Browser;
import io.tierzero.bot.RequiresBrowser;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Login and logout CSRF in a real browser: a page on another site ({@code 127.0.0.1} on another
 * port, while the console is {@code localhost}) auto-submits the console's sign-in form with the
 * attacker's account, and its sign-out form. Neither may change the victim's browser: no session
 * from the first, and the agent's session survives the second.
 */
@RequiresBrowser
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleCrossSiteBrowserTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  Browser browser;
  WebDriverWait wait;
  HttpServer attacker;

  @Override
  public Map<String, String> getProperties() {
    return AnalyticsTestApp.properties();
  }

  @BeforeAll
  void start() throws IOException {
    attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    page(
        "/sign-in.html",
        "/console/login",
        "<input name=\"username\" value=\""
            + AnalyticsTestApp.AGENT
            + "\"><input name=\"password\" value=\""
            + AnalyticsTestApp.AGENT_PASSWORD
            + "\">");
    page("/sign-out.html", "/console/logout", "");
    attacker.start();
    browser = Browser.start(1200, 900);
    wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
  }

  /** A page that posts a form to the console as soon as it loads, as a malicious site would. */
  private void page(String path, String action, String fields) {
    attacker.createContext(
        path,
        exchange -> {
          var html =
              "<!doctype html><html><body><form id=\"f\" method=\"post\" action=\""
                  + console(action)
                  + "\">"
                  + fields
                  + "</form><script>document.getElementById('f').submit()</script></body></html>";
          var bytes = html.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          try (var body = exchange.getResponseBody()) {
            body.write(bytes);
          }
        });
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (attacker != null) attacker.stop(0);
  }

  private String console(String path) {
    return "http://localhost:" + server.getPort() + path;
  }

  private String attackerPage(String path) {
    return "http://127.0.0.1:" + attacker.getAddress().getPort() + path;
  }

  /** Opens the attacker's page and waits until its form has been posted to the console. */
  private void visitAttacker(String path) {
    browser.driver.get(attackerPage(path));
    wait.until(ExpectedConditions.urlContains("localhost:" + server.getPort()));
    wait.until(d -> "complete".equals(browser.driver.executeScript("return document.readyState")));
  }

  @Test
  void a_foreign_page_cannot_sign_the_browser_in() {
    var driver = browser.driver;
    driver.get(console("/console/login"));
    driver.manage().deleteAllCookies();

    visitAttacker("/sign-in.html");
    assertNull(
        driver.manage().getCookieNamed("JWT"), "the foreign page's sign-in set a session cookie");
    driver.get(console("/console"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertEquals(
        0, driver.findElements(By.id("chart-conversations")).size(), "signed in by another site");
  }

  @Test
  void a_foreign_page_cannot_sign_the_agent_out() {
    var driver = browser.driver;
    driver.get(console("/console/login"));
    driver.manage().deleteAllCookies();
    driver.get(console("/console"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
        .sendKeys(AnalyticsTestApp.AGENT);
    driver.findElement(By.id("password")).sendKeys(AnalyticsTestApp.AGENT_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-conversations")));
    var session = driver.manage().getCookieNamed("JWT");
    assertNotNull(session);

    visitAttacker("/sign-out.html");
    driver.get(console("/console"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-conversations")));
    assertEquals(
        session.getValue(),
        driver.manage().getCookieNamed("JWT").getValue(),
        "the session cookie was replaced or cleared");
  }
}
