package io.tierzero.bot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.Application;
import io.tierzero.bot.Browser;
import io.tierzero.bot.DatabaseText;
import io.tierzero.bot.RequiresBrowser;
import io.tierzero.bot.TestApp;
import io.tierzero.bot.demo.EmbeddedMailServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget in headless Chromium against a running bot (the fixture articles, an H2 file of its
 * own): one bot and one browser for the whole class, a fresh page and session for every test. Waits
 * are for the page to reach a state; none asserts how long anything took.
 */
@RequiresBrowser
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest implements TestPropertyProvider {
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final Path AXE = Path.of("../widget/node_modules/axe-core/axe.min.js");

  /**
   * Another site: a page served on its own port that embeds the widget from the bot, as an intranet
   * page would. Bound before the bot starts, so its origin can be in the CORS list.
   */
  private final HttpServer otherSite = otherSite();

  @Inject EmbeddedServer server;
  @Inject EmbeddedMailServer mail;

  @Inject DataSource dataSource;

  private Browser browser;
  private WebDriver driver;
  private String base;
  private String databaseUrl;

  @Override
  public Map<String, String> getProperties() {
    var home = TestApp.newHome();
    try {
      // Guided fixes linked from their articles (the fixture's flow:), so answer cards can offer
      // "Fix it for me".
      Files.createDirectories(home.resolve("articles/flows"));
      // Its triggers are intents that would start it straight from the question; here only the
      // card's button may start it, so the card is what the question gets.
      var mfa =
          Files.readString(Path.of("../articles/flows/mfa-re-enrol.yaml"))
              .replaceFirst(
                  "triggers:\n(  - [^\n]*\n)+", "triggers:\n  - widget test guided fix\n");
      Files.writeString(home.resolve("articles/flows/mfa-re-enrol.yaml"), mfa);
      Files.copy(
          Path.of("../articles/flows/printer-not-printing.yaml"),
          home.resolve("articles/flows/printer-not-printing.yaml"));
      // A flow with a code and a new-password step, against the embedded demo directory and mail.
      Files.copy(
          Path.of("../articles/flows/password-reset.yaml"),
          home.resolve("articles/flows/password-reset.yaml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var properties = new HashMap<>(TestApp.properties(home));
    databaseUrl = properties.get("datasources.default.url");
    properties.put(
        "micronaut.server.cors.configurations.widget.allowed-origins", otherSiteOrigin());
    properties.put(SecretStepHandler.ENABLED, "true");
    // Several tests raise a ticket as the same requester from 127.0.0.1: the hourly limits are
    // TicketAbuseTest's subject, not this one's.
    properties.put("tierzero.tickets.limits.per-address-per-hour", "1000");
    properties.put("tierzero.tickets.limits.per-requester-per-hour", "1000");
    return properties;
  }

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(1280, 800);
    driver = browser.driver;
    base = "http://localhost:" + server.getPort();
  }

  @AfterAll
  void stopBrowser() {
    otherSite.stop(0);
    if (browser != null) browser.close();
  }

  @BeforeEach
  void freshPage() {
    browser.driver.deleteNetworkConditions();
    cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    // Cleared on a page without the widget, so no earlier conversation is restored meanwhile.
    for (var page : List.of(base + "/health", otherSiteOrigin() + "/blank")) {
      driver.get(page);
      js("sessionStorage.clear(); localStorage.clear()");
    }
    driver.get(base + "/");
    waitFor(d -> launcher().isDisplayed());
  }

  // ---- the tests ----

  @Test
  void asking_a_question_shows_the_right_article_card_and_open_shows_the_article_in_the_panel()
      throws IOException {
    open();
    ask("my account is locked");

    var card =
        waitFor(
            d ->
                shadow()
                    .findElement(By.cssSelector(".tz-card[data-article='account-locked-out']")));
    assertEquals("Account locked out", card.findElement(By.cssSelector("h3")).getText());
    assertFalse(card.findElement(By.cssSelector(".tz-snippet")).getText().isBlank());
    var newTab = card.findElement(By.cssSelector("a.tz-tab"));
    assertEquals(base + "/kb/account-locked-out", newTab.getDomAttribute("href"));
    assertEquals("_blank", newTab.getDomAttribute("target"));
    waitFor(
        d ->
            liveRegion().startsWith("These articles should help")
                || liveRegion().startsWith("This article should help"));
    screenshot("widget-open.png");

    card.findElement(By.cssSelector(".tz-read")).click();
    waitFor(d -> textOf(".tz-article h3").equals("Account locked out"));
    assertFalse(shadow().findElement(By.cssSelector(".tz-article-body")).getText().isBlank());
    assertEquals("Account locked out", activeText(), "focus moves to the article's title");
    screenshot("widget-article.png");

    shadow().findElement(By.cssSelector(".tz-back")).click();
    waitFor(d -> shadow().findElement(By.cssSelector(".tz-messages")).isDisplayed());
    assertEquals("tz-btn tz-read", active("className"), "focus returns to the card's Open button");
    assertFalse(shadow().findElement(By.cssSelector(".tz-article")).isDisplayed());
  }

  @Test
  void an_answer_card_offers_fix_it_for_me_and_it_starts_the_guided_fix() {
    open();
    ask("move authenticator app to new phone");
    var card =
        waitFor(
            d ->
                shadow()
                    .findElement(By.cssSelector(".tz-card[data-article='mfa-new-or-lost-phone']")));
    var fix = card.findElement(By.cssSelector(".tz-fix"));
    assertEquals("Fix it for me", fix.getText());

    fix.click();

    waitFor(
        d -> !shadow().findElements(By.cssSelector(".tz-bot[data-type='flow_step']")).isEmpty());
    assertTrue(userMessages().contains("start flow mfa-re-enrol"), userMessages().toString());
  }

  @Test
  void an_article_page_asks_was_this_helpful_and_records_the_vote_through_the_widget() {
    driver.get(base + "/kb/account-locked-out");
    waitFor(d -> launcher().isDisplayed());
    var yes = driver.findElement(By.cssSelector(".tierzero-vote[data-tierzero-vote='up']"));
    assertTrue(
        driver
            .findElement(By.cssSelector(".tierzero-helpful"))
            .getText()
            .startsWith("Was this helpful?"));

    yes.click();

    waitFor(
        d ->
            d.findElement(By.cssSelector("[data-tierzero-status]"))
                .getText()
                .equals("Thanks for your feedback."));
    assertEquals("true", yes.getDomAttribute("aria-pressed"));
    assertEquals(
        "false",
        driver
            .findElement(By.cssSelector(".tierzero-vote[data-tierzero-vote='down']"))
            .getDomAttribute("aria-pressed"));
  }

  @Test
  void a_guided_fix_that_ends_asks_did_this_solve_your_problem() {
    open();
    ask("the printer won't print");
    waitFor(
        d -> shadow().findElements(By.cssSelector(".tz-bot[data-type='flow_step']")).size() == 1);
    ask("no");
    waitFor(
        d -> shadow().findElements(By.cssSelector(".tz-bot[data-type='flow_step']")).size() >= 2);
    ask("yes");

    var solved =
        By.cssSelector(
            ".tz-bot[data-type='flow_step'] .tz-rate[aria-label='Did this solve your problem?']"
                + " .tz-up");
    waitFor(d -> shadow().findElement(solved)).click();

    waitFor(d -> "true".equals(shadow().findElement(solved).getDomAttribute("aria-pressed")));
  }

  @Test
  void a_quick_reply_sends_its_text_and_gets_the_bots_answer() {
    open();
    ask("my account is locked");
    var option = waitFor(d -> optionButton("That worked"));

    option.click();

    waitFor(d -> userMessages().contains("That worked"));
    waitFor(d -> botMessages().size() == 2);
    assertEquals("text", botMessages().get(1).getDomAttribute("data-type"));
    assertTrue(optionButton("That worked") == null, "an earlier turn's quick replies are gone");
  }

  @Test
  void talk_to_a_person_is_always_in_the_header_and_hands_off() {
    open();
    shadow().findElement(By.cssSelector(".tz-person")).click();

    waitFor(d -> !shadow().findElements(By.cssSelector(".tz-bot[data-type='handoff']")).isEmpty());
    assertEquals(List.of("Talk to a person"), userMessages());
  }

  @Test
  void a_handoff_that_offers_a_ticket_form_shows_it_and_submits_it() throws IOException {
    open();
    ask("I want to talk to a person");
    waitFor(d -> !shadow().findElements(By.cssSelector(".tz-bot[data-type='handoff']")).isEmpty());
    var forms = shadow().findElements(By.cssSelector(".tz-bot[data-type='handoff'] form.tz-form"));
    if (forms.isEmpty()) return; // a bot without tickets hands off with text only

    var form = forms.get(0);
    for (var field : form.findElements(By.cssSelector("input[required]"))) {
      switch (field.getDomAttribute("type")) {
        case "checkbox" -> field.click();
        case "email" -> field.sendKeys("alex@example.com");
        default -> field.sendKeys("Alex Example");
      }
    }
    screenshot("widget-ticket-form.png");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    var done = waitFor(d -> shadow().findElement(By.cssSelector(".tz-form-done")));
    assertFalse(done.getText().isBlank());
  }

  @Test
  void the_conversation_and_open_panel_survive_a_reload() {
    open();
    ask("my account is locked");
    waitFor(
        d -> shadow().findElement(By.cssSelector(".tz-card[data-article='account-locked-out']")));

    driver.navigate().refresh();

    waitFor(
        d ->
            !shadow()
                .findElements(By.cssSelector(".tz-card[data-article='account-locked-out']"))
                .isEmpty());
    assertTrue(panel().isDisplayed());
    assertEquals(List.of("my account is locked"), userMessages());
    assertEquals("true", launcher().getDomAttribute("aria-expanded"));
  }

  @Test
  void the_widget_works_with_the_keyboard_alone() {
    // Tab from the page's start to the launcher.
    for (int i = 0; i < 10 && !"tz-launcher".equals(active("className")); i++) keys(Keys.TAB);
    assertEquals("tz-launcher", active("className"));
    keys(Keys.ENTER);
    waitFor(d -> panel().isDisplayed());
    assertEquals("tz-input", active("id"), "focus moves into the panel");

    keys("my account is locked", Keys.ENTER);
    waitFor(
        d -> shadow().findElement(By.cssSelector(".tz-card[data-article='account-locked-out']")));
    for (int i = 0; i < 12 && !"tz-btn tz-read".equals(active("className")); i++)
      keys(Keys.SHIFT, Keys.TAB);
    assertEquals("tz-btn tz-read", active("className"));
    var title = active("ariaLabel").replaceFirst("^Open: ", ""); // the answer's last card
    keys(Keys.ENTER);
    waitFor(d -> textOf(".tz-article h3").equals(title));
    keys(Keys.SHIFT, Keys.TAB);
    assertEquals("tz-btn tz-back", active("className"));
    keys(Keys.ENTER);
    assertEquals("tz-btn tz-read", active("className"));

    keys(Keys.ESCAPE);
    waitFor(d -> !panel().isDisplayed());
    assertEquals("tz-launcher", active("className"), "focus returns to the launcher");
    assertEquals("false", launcher().getDomAttribute("aria-expanded"));
  }

  @Test
  void suggestions_appear_while_typing_and_choosing_one_opens_the_article() {
    open();
    input().sendKeys("account");

    var first = waitFor(d -> shadow().findElement(By.cssSelector("#tz-suggest [role=option]")));
    assertEquals("true", input().getDomAttribute("aria-expanded"));
    assertTrue(first.getText().toLowerCase().contains("account"), first.getText());
    keys(Keys.ARROW_DOWN);
    assertEquals("tz-suggest-0", input().getDomAttribute("aria-activedescendant"));
    var chosen = first.getText();
    keys(Keys.ENTER);

    waitFor(d -> textOf(".tz-article h3").equals(chosen));
    assertTrue(userMessages().isEmpty(), "choosing a suggestion opens it; it sends nothing");
  }

  @Test
  void a_failed_send_keeps_the_message_and_retry_delivers_it() {
    open();
    ask("warm up"); // the conversation exists; the next send is the one that fails
    waitFor(d -> botMessages().size() == 1);

    browser.driver.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
    ask("my account is locked");
    var retry = waitFor(d -> shadow().findElement(By.cssSelector(".tz-retry")));
    assertTrue(userMessages().contains("my account is locked"), "the message stays on screen");
    assertEquals("", input().getDomProperty("value"));

    browser.driver.deleteNetworkConditions();
    retry.click();

    waitFor(
        d ->
            !shadow()
                .findElements(By.cssSelector(".tz-card[data-article='account-locked-out']"))
                .isEmpty());
    assertTrue(shadow().findElements(By.cssSelector(".tz-retry")).isEmpty());
    assertEquals(List.of("warm up", "my account is locked"), userMessages());
  }

  @Test
  void a_secret_step_masks_the_input_and_never_shows_what_was_typed() {
    open();
    ask(SecretStepHandler.TRIGGER);
    waitFor(d -> "password".equals(input().getDomAttribute("type")));
    assertEquals("off", input().getDomAttribute("autocomplete"));
    assertNull(input().getDomAttribute("role"), "no suggestions for a secret");

    ask("hunter2-Secret");

    waitFor(d -> botMessages().size() == 2);
    assertFalse(shadow().findElement(By.cssSelector(".tz-messages")).getText().contains("hunter2"));
    assertEquals("text", input().getDomAttribute("type"), "back to plain text after the secret");

    driver.navigate().refresh(); // the restored transcript has only that a secret was given
    waitFor(d -> userMessages().size() == 2);
    assertFalse(String.join(" ", userMessages()).contains("hunter2"), userMessages().toString());
  }

  @Test
  void after_a_reload_or_in_a_second_tab_the_open_code_and_password_steps_keep_their_masked_inputs()
      throws Exception {
    var password = "Harbour-Lantern-Quiet-58";
    open();
    ask("I forgot my password");
    waitFor(
        d ->
            "text".equals(input().getDomAttribute("type"))
                && input().getDomAttribute("role") == null);
    ask("alice");
    waitFor(d -> "one-time-code".equals(input().getDomProperty("autocomplete")));

    driver.navigate().refresh(); // at the code step
    waitFor(d -> userMessages().size() == 2);
    assertEquals(
        "one-time-code",
        input().getDomProperty("autocomplete"),
        "the code field is back after a reload");
    assertEquals("numeric", input().getDomProperty("inputMode"));
    var code = codeSentTo("alice@example.com");
    ask(code);
    waitFor(d -> "password".equals(input().getDomAttribute("type")));

    driver.navigate().refresh(); // at the new-password step
    waitFor(d -> userMessages().size() == 3);
    assertEquals(
        "password", input().getDomAttribute("type"), "the password field is back after a reload");
    assertNull(input().getDomAttribute("role"), "no suggestions for a secret");
    assertSecondTabMasks();

    ask(password);
    waitFor(d -> textOf(".tz-messages").contains("password has been changed"));
    var shown = (String) js("return document.querySelector('tierzero-chat').shadowRoot.innerHTML");
    assertFalse(shown.contains(password), "the password is in the widget's markup");
    assertFalse(shown.contains(code), "the code is in the widget's markup");
    assertEquals(4, userMessages().size());
    assertEquals("", input().getDomProperty("value"));
    assertEquals("text", input().getDomAttribute("type"), "back to plain text once the flow ends");

    driver.navigate().refresh();
    waitFor(d -> userMessages().size() == 4);
    assertFalse(String.join(" ", userMessages()).contains(password), userMessages().toString());
    var stored = (String) js("return JSON.stringify(sessionStorage)");
    assertFalse(stored.contains(password), stored);
    var saved = (String) js("return Object.values(sessionStorage)[0]");
    var id = saved.replaceFirst(".*\"id\":\"([^\"]+)\".*", "$1");
    var token = saved.replaceFirst(".*\"token\":\"([^\"]+)\".*", "$1");
    var transcript =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/api/conversations/" + id))
                    .header("X-Conversation-Token", token)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(transcript.contains("(secret given)"), transcript);
    assertFalse(transcript.contains(password), transcript);
    for (var value : DatabaseText.everyValue(databaseUrl))
      assertFalse(value.contains(password), "in the database: " + value);
  }

  /**
   * The same conversation opened in another tab from the same storage: a password field there too.
   */
  private void assertSecondTabMasks() {
    var storage = (String) js("return JSON.stringify(sessionStorage)");
    var first = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    try {
      driver.get(base + "/health");
      js(
          "var s = JSON.parse(arguments[0]); for (var k in s) sessionStorage.setItem(k, s[k]);",
          storage);
      driver.get(base + "/");
      waitFor(d -> userMessages().size() == 3);
      assertEquals(
          "password", input().getDomAttribute("type"), "the password field in a second tab");
    } finally {
      driver.close();
      driver.switchTo().window(first);
    }
  }

  /** The code in the newest mail to {@code address}. */
  private String codeSentTo(String address) {
    return waitFor(
        d ->
            mail.received().stream()
                .filter(m -> m.to().contains(address))
                .findFirst()
                .map(m -> java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(m.text()))
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1))
                .orElse(null));
  }

  @Test
  void
      rating_buttons_are_on_each_answer_enabled_when_the_bot_takes_feedback_and_ask_why_after_down() {
    boolean feedback =
        (Boolean)
            ((Map<?, ?>) js("return fetch('/api/features').then(r => r.json())")).get("feedback");
    open();
    ask("my account is locked");

    var up =
        waitFor(d -> shadow().findElement(By.cssSelector(".tz-bot[data-type='answer'] .tz-up")));
    var down = shadow().findElement(By.cssSelector(".tz-bot[data-type='answer'] .tz-down"));
    assertEquals("Helpful", up.getDomAttribute("aria-label"));
    assertEquals(feedback, up.isEnabled());
    assertEquals(feedback, down.isEnabled());
    if (!feedback) return; // disabled until the bot serves POST /api/conversations/{id}/feedback

    down.click();
    var reason = waitFor(d -> shadow().findElement(By.cssSelector(".tz-reasons button")));
    assertEquals(
        "true", shadow().findElement(By.cssSelector(".tz-down")).getDomAttribute("aria-pressed"));
    assertEquals("vote:", active("dataset.key").substring(0, 5), "focus stays on the rating");
    reason.click();
    waitFor(d -> shadow().findElements(By.cssSelector(".tz-reasons")).isEmpty());
    assertEquals(
        "true", shadow().findElement(By.cssSelector(".tz-down")).getDomAttribute("aria-pressed"));
  }

  @Test
  void user_text_is_shown_as_text_never_as_markup() {
    open();
    ask("<img src=x onerror=\"window.tzInjected=1\"><b>bold</b>");

    waitFor(d -> botMessages().size() == 1);
    assertTrue(userMessages().get(0).startsWith("<img src=x"));
    assertNull(js("return window.tzInjected"));
    assertTrue(shadow().findElements(By.cssSelector(".tz-user img, .tz-user b")).isEmpty());
  }

  @Test
  void the_open_widget_has_no_serious_or_critical_accessibility_violations() throws IOException {
    open();
    ask("my account is locked");
    waitFor(d -> optionButton("That worked"));
    assertNoSeriousViolations("conversation");

    shadow().findElement(By.cssSelector(".tz-read")).click();
    waitFor(d -> textOf(".tz-article h3").equals("Account locked out"));
    assertNoSeriousViolations("article");
  }

  @Test
  void the_panel_fits_a_320_pixel_screen_and_200_percent_zoom() throws IOException {
    // 320 CSS pixels wide (WCAG reflow), then 1280x800 at 200% zoom, which is 640x400 CSS pixels.
    for (var size : List.of(List.of(320, 640), List.of(640, 400))) {
      cdp(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              size.get(0),
              "height",
              size.get(1),
              "deviceScaleFactor",
              1,
              "mobile",
              false));
      driver.navigate().refresh();
      waitFor(d -> launcher().isDisplayed());
      open();
      ask("my account is locked");
      waitFor(
          d -> shadow().findElement(By.cssSelector(".tz-card[data-article='account-locked-out']")));
      if (size.get(0) == 320) screenshot("widget-320.png");

      var panel = rect(panel());
      assertTrue(
          panel.get("left") >= 0 && panel.get("right") <= size.get(0),
          "panel inside the screen: " + panel);
      var input = rect(input());
      assertTrue(
          input.get("bottom") <= size.get(1) && input.get("right") <= size.get(0),
          "input reachable: " + input);
      assertEquals(
          size.get(0).longValue(),
          ((Number) js("return document.documentElement.scrollWidth")).longValue(),
          "no sideways scrolling");
      js("sessionStorage.clear()");
    }
  }

  @Test
  void the_second_language_translates_the_interface_and_right_to_left_mirrors_it()
      throws IOException {
    replaceWidget("lang", "fr", "dir", "rtl");
    waitFor(d -> launcher().getDomAttribute("aria-label").startsWith("Ouvrir le chat"));
    open();
    ask("my account is locked");
    waitFor(
        d -> shadow().findElement(By.cssSelector(".tz-card[data-article='account-locked-out']")));
    screenshot("widget-fr-rtl.png");

    assertEquals(
        "Parler à une personne", shadow().findElement(By.cssSelector(".tz-person")).getText());
    assertEquals("Envoyer", shadow().findElement(By.cssSelector(".tz-send")).getText());
    assertEquals("fr", shadow().findElement(By.cssSelector(".tz-root")).getDomAttribute("lang"));
    var panel = rect(panel());
    assertTrue(
        panel.get("left") < 640 - panel.get("right"),
        "right to left: the panel sits on the left: " + panel);
  }

  @Test
  void a_page_on_another_allowed_origin_embeds_the_widget_with_one_script_tag() {
    // The page comes from another site and names the bot in bot-url: every call is a CORS
    // request, allowed because the test lists that site as a widget origin.
    driver.get(otherSiteOrigin() + "/");
    open();
    ask("my account is locked");

    waitFor(
        d ->
            !shadow()
                .findElements(By.cssSelector(".tz-card[data-article='account-locked-out']"))
                .isEmpty());
    assertEquals(
        base + "/kb/account-locked-out",
        shadow().findElement(By.cssSelector("a.tz-tab")).getDomAttribute("href"));
  }

  @Test
  void new_conversation_in_the_header_starts_over_after_a_ticket_and_keeps_the_old_one()
      throws Exception {
    open();
    raiseTicketInTheWidget();
    var old = current();
    assertEquals(1, started().size());

    var button = shadow().findElement(By.cssSelector(".tz-header .tz-new"));
    assertEquals("New conversation", button.getText());
    assertEquals("button", button.getTagName());
    button.click();

    assertEquals(List.of(), userMessages(), "the transcript is empty");
    assertTrue(
        shadow().findElements(By.cssSelector(".tz-form, .tz-bot[data-type='handoff']")).isEmpty());
    assertEquals("tz-input", active("id"), "focus goes to the input");
    waitFor(d -> liveRegion().startsWith("New conversation started"));
    assertNull(
        js("return sessionStorage.getItem(arguments[0])", storageKey()),
        "the old conversation is no longer the current one");
    assertNoSeriousViolations("new conversation");

    ask("my account is locked");
    waitFor(
        d ->
            !shadow()
                .findElements(By.cssSelector(".tz-card[data-article='account-locked-out']"))
                .isEmpty());
    var fresh = current();
    assertFalse(fresh.get("id").equals(old.get("id")), "a new conversation id is used");
    assertEquals(List.of("my account is locked"), userMessages());
    assertEquals(
        List.of(fresh.get("id"), old.get("id")),
        started().stream().map(c -> c.get("id")).toList(),
        "both kept, newest first");

    // The old conversation is intact: in the database with its messages, readable with its token.
    assertEquals(
        3, storedMessages(old.get("id")), "the request, the handoff and the ticket's confirmation");
    assertEquals(2, storedMessages(fresh.get("id")));
    var transcript =
        (String)
            js(
                "return fetch('/api/conversations/' + arguments[0], {headers:"
                    + " {'X-Conversation-Token': arguments[1]}}).then(r => r.text())",
                old.get("id"),
                old.get("token"));
    assertTrue(transcript.contains("I want to talk to a person"), transcript);

    driver.navigate().refresh(); // a reload restores the new conversation, not the old one
    waitFor(d -> userMessages().equals(List.of("my account is locked")));
  }

  @Test
  void the_new_conversation_is_reachable_by_keyboard() {
    open();
    for (int i = 0; i < 6 && !"tz-new".equals(active("className")); i++) keys(Keys.SHIFT, Keys.TAB);
    assertEquals("tz-new", active("className"));
    keys(Keys.ENTER);
    assertEquals("tz-input", active("id"));
  }

  @Test
  void a_reply_offering_to_start_a_new_conversation_starts_over_when_chosen() {
    open();
    raiseTicketInTheWidget();
    var old = current();
    ask("and another thing");
    var option = waitFor(d -> optionButton("Start a new conversation"));

    option.click();

    assertEquals(List.of(), userMessages(), "nothing sent: the widget started over");
    ask("my account is locked");
    waitFor(
        d ->
            !shadow()
                .findElements(By.cssSelector(".tz-card[data-article='account-locked-out']"))
                .isEmpty());
    assertFalse(current().get("id").equals(old.get("id")));
    assertEquals(2, storedMessages(current().get("id")), "only the new question and its answer");
  }

  @Test
  void asking_about_tickets_in_a_new_conversation_lists_the_tickets_this_browser_raised() {
    open();
    raiseTicketInTheWidget();
    var number = ticketNumberOf(current().get("id"));
    shadow().findElement(By.cssSelector(".tz-header .tz-new")).click();

    ask("any news on my ticket?");

    var item =
        waitFor(
            d ->
                shadow()
                    .findElement(
                        By.cssSelector(".tz-bot[data-type='ticket_status'] .tz-tickets li")));
    assertEquals(number, item.getDomAttribute("data-ticket"));
    assertTrue(item.getText().startsWith(number + ": new, last updated "), item.getText());
    assertEquals("Tickets raised from this browser", textOf(".tz-my-tickets h3"));
    assertEquals(1, shadow().findElements(By.cssSelector(".tz-tickets li")).size());
  }

  // ---- helpers ----

  private String ticketNumberOf(String conversationId) {
    var ds = dataSource;
    while (ds instanceof DelegatingDataSource delegating) ds = delegating.getTargetDataSource();
    try (var connection = ds.getConnection();
        var statement =
            connection.prepareStatement(
                "select ticket_number from ticket where conversation_id = ?")) {
      statement.setString(1, conversationId);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asks for a person and sends the ticket form the handoff offers. */
  private void raiseTicketInTheWidget() {
    ask("I want to talk to a person");
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
    waitFor(d -> shadow().findElement(By.cssSelector(".tz-form-done")));
  }

  private String storageKey() {
    return "tierzero-chat:" + base + "/";
  }

  /** The conversation the widget keeps for this tab. */
  @SuppressWarnings("unchecked")
  private Map<String, String> current() {
    return (Map<String, String>)
        js("return JSON.parse(sessionStorage.getItem(arguments[0]))", storageKey());
  }

  /** The conversations this browser started, newest first. */
  @SuppressWarnings("unchecked")
  private List<Map<String, String>> started() {
    return (List<Map<String, String>>)
        js(
            "return JSON.parse(localStorage.getItem(arguments[0]) || '[]')",
            storageKey() + ":started");
  }

  private int storedMessages(String conversationId) {
    var ds = dataSource;
    while (ds instanceof DelegatingDataSource delegating) ds = delegating.getTargetDataSource();
    try (var connection = ds.getConnection();
        var statement =
            connection.prepareStatement(
                "select count(*) from chat_message where conversation_id = ?")) {
      statement.setString(1, conversationId);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void open() {
    launcher().click();
    waitFor(d -> panel().isDisplayed());
  }

  private void ask(String text) {
    input().sendKeys(text, Keys.ENTER);
  }

  private SearchContext shadow() {
    return driver.findElement(By.tagName("tierzero-chat")).getShadowRoot();
  }

  private WebElement launcher() {
    return shadow().findElement(By.cssSelector(".tz-launcher"));
  }

  private WebElement panel() {
    return shadow().findElement(By.cssSelector(".tz-panel"));
  }

  private WebElement input() {
    return shadow().findElement(By.cssSelector("#tz-input"));
  }

  private String textOf(String css) {
    var found = shadow().findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private WebElement optionButton(String text) {
    return shadow().findElements(By.cssSelector(".tz-option")).stream()
        .filter(b -> b.getText().equals(text))
        .findFirst()
        .orElse(null);
  }

  /** Read in one script: the list is redrawn as replies arrive, so held elements go stale. */
  @SuppressWarnings("unchecked")
  private List<String> userMessages() {
    return (List<String>)
        js(
            "return"
                + " [...document.querySelector('tierzero-chat').shadowRoot.querySelectorAll('.tz-user"
                + " > p:not(.tz-error)')].map(p => p.textContent)");
  }

  private List<WebElement> botMessages() {
    // The greeting shown before the first message is not part of the conversation.
    return userMessages().isEmpty() ? List.of() : shadow().findElements(By.cssSelector(".tz-bot"));
  }

  /** A property of the element focused inside the widget. */
  private String active(String property) {
    return (String)
        js(
            "var a = document.querySelector('tierzero-chat').shadowRoot.activeElement;return a ?"
                + " String(arguments[0].split('.').reduce((o, k) => o && o[k], a)) : null",
            property);
  }

  /** What the polite live region last announced. */
  private String liveRegion() {
    return (String)
        js(
            "return"
                + " document.querySelector('tierzero-chat').shadowRoot.querySelector('[aria-live=polite]').textContent");
  }

  private String activeText() {
    return active("textContent");
  }

  private void keys(CharSequence... keys) {
    var actions = new Actions(driver);
    if (keys.length == 2 && keys[0] == Keys.SHIFT) {
      actions.keyDown(Keys.SHIFT).sendKeys(keys[1]).keyUp(Keys.SHIFT).perform();
    } else {
      actions.sendKeys(keys).perform();
    }
  }

  private void replaceWidget(String... attributes) {
    js(
        "document.querySelector('tierzero-chat').remove();var el ="
            + " document.createElement('tierzero-chat');for (var i = 0; i < arguments.length; i +="
            + " 2) el.setAttribute(arguments[i], arguments[i + 1]);document.body.append(el);",
        (Object[]) attributes);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> rect(WebElement element) {
    var r =
        (Map<String, Object>)
            js(
                "var r = arguments[0].getBoundingClientRect(); return {left: Math.round(r.left),"
                    + " right: Math.round(r.right), top: Math.round(r.top), bottom:"
                    + " Math.round(r.bottom)}",
                element);
    var out = new HashMap<String, Long>();
    r.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
    return out;
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void cdp(String command, Map<String, Object> params) {
    browser.driver.executeCdpCommand(command, params);
  }

  private <T> T waitFor(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(30))
          .ignoring(NoSuchElementException.class)
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      // What the page showed when it stopped short: a picture and the widget's markup.
      var name = "failed-" + System.nanoTime();
      try {
        screenshot(name + ".png");
        Files.writeString(
            SCREENSHOTS.resolve(name + ".html"),
            String.valueOf(
                js("return document.querySelector('tierzero-chat').shadowRoot.innerHTML")));
      } catch (IOException | RuntimeException ignored) {
        // The timeout is the failure to report.
      }
      throw new AssertionError(
          "Page state not reached; see " + SCREENSHOTS.resolve(name) + ".*", e);
    }
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), browser.driver.getScreenshotAs(OutputType.BYTES));
  }

  /** axe-core, injected from the npm package the build installs, over the page and the widget. */
  @SuppressWarnings("unchecked")
  private void assertNoSeriousViolations(String state) throws IOException {
    assertTrue(
        Files.exists(AXE),
        "axe-core is installed by the build (npm ci in widget/): " + AXE.toAbsolutePath());
    js(Files.readString(AXE));
    var result =
        (Map<String, Object>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];axe.run(document, {resultTypes:"
                        + " ['violations']}).then(r => done({violations: r.violations.map(v =>"
                        + " ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n =>"
                        + " n.target.join(' ')).slice(0, 5)}))}), e => done({error: String(e)}));");
    assertNull(result.get("error"));
    var serious =
        ((List<Map<String, Object>>) result.get("violations"))
            .stream()
                .filter(
                    v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
    assertTrue(serious.isEmpty(), "axe in the " + state + " view: " + serious);
    assertNotNull(result.get("violations"));
  }

  private String otherSiteOrigin() {
    return "http://127.0.0.1:" + otherSite.getAddress().getPort();
  }

  private HttpServer otherSite() {
    try {
      var site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      site.createContext(
          "/",
          exchange -> {
            var bot = "http://localhost:" + server.getPort();
            var html =
                exchange.getRequestURI().getPath().equals("/blank")
                    ? "<!doctype html><title>blank</title>"
                    : "<!doctype html><html lang=\"en\"><head><meta"
                        + " charset=\"utf-8\"><title>Intranet</title><script src=\""
                        + bot
                        + "/widget/tierzero-chat.js\" defer></script></head>"
                        + "<body><main><h1>Intranet</h1></main>"
                        + "<tierzero-chat bot-url=\""
                        + bot
                        + "\"></tierzero-chat></body></html>";
            var bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (var body = exchange.getResponseBody()) {
              body.write(bytes);
            }
          });
      site.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
