package io.tierzero.bot.sso;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Browser;
import io.tierzero.bot.RequiresBrowser;
import io.tierzero.bot.analytics.AnalyticsTestApp;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent signs in to the console in headless Chromium through the provider's own sign-in form.
 * The provider is reached as localhost and the bot as 127.0.0.1, two sites, as in production: the
 * way back from the provider is a cross-site navigation, where SameSite=Strict cookies are held
 * back.
 */
@RequiresBrowser
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnBrowserTest implements TestPropertyProvider {
  static final String GROUP = "it-agents";

  /** Interactive: the provider shows a form where the person types a name and their claims. */
  final MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(true));

  @Inject EmbeddedServer server;
  Browser browser;
  WebDriverWait wait;

  @Override
  public Map<String, String> getProperties() {
    provider.start();
    var properties = new HashMap<>(AnalyticsTestApp.properties());
    properties.put("tierzero.console.oidc.issuer", provider.issuerUrl("staff").toString());
    properties.put("tierzero.console.oidc.client-id", "tierzero-console");
    properties.put("tierzero.console.oidc.client-secret", "a client secret");
    properties.put("tierzero.console.oidc.agent-group", GROUP);
    return properties;
  }

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(1200, 1400);
    wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    provider.shutdown();
  }

  private String bot(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private void signInAtProvider(String name, String groupsJson) {
    var driver = browser.driver;
    driver.manage().deleteAllCookies();
    driver.get(bot("/console"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sso"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(name);
    assertNotEquals(
        "127.0.0.1", URI.create(driver.getCurrentUrl()).getHost(), "the provider is another site");
    driver
        .findElement(By.name("claims"))
        .sendKeys("{\"preferred_username\": \"" + name + "\", \"groups\": " + groupsJson + "}");
    driver.findElement(By.cssSelector("input[type=submit]")).click();
  }

  @Test
  void an_agent_signs_in_through_the_providers_form_and_sees_the_console() {
    signInAtProvider("ana", "[\"staff\", \"" + GROUP + "\"]");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-conversations")));
    assertTrue(browser.driver.getCurrentUrl().endsWith("/console"), browser.driver.getCurrentUrl());
  }

  @Test
  void a_person_outside_the_group_reads_why_they_are_refused() {
    signInAtProvider("bob", "[\"staff\"]");

    var alert =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
    assertTrue(
        alert.getText().contains("not in the agents' group (" + GROUP + ")"), alert.getText());
    browser.driver.get(bot("/console"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
  }
}
