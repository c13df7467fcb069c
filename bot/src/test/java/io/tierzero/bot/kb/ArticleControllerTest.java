package io.tierzero.bot.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.TestApp;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Article JSON, title suggestions and the readable article pages, over HTTP. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleControllerTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return TestApp.properties();
  }

  @Test
  void returns_an_article_with_sanitised_html_and_internal_links_pointing_at_kb_pages() {
    var article =
        client.toBlocking().retrieve("/api/articles/account-locked-out", ArticleView.class);

    assertEquals("account-locked-out", article.id());
    assertEquals("Account locked out", article.title());
    assertEquals("accounts", article.category());
    assertEquals("/kb/account-locked-out", article.url());
    assertTrue(article.html().contains("<h2>"), article.html());
    assertTrue(article.html().contains("href=\"/kb/reset-forgotten-password\""), article.html());
    assertFalse(article.html().contains("<script"), article.html());
  }

  @Test
  void returns_404_for_unknown_article() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange("/api/articles/no-such-article", String.class));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }

  @Test
  void suggests_titles_for_what_the_user_has_typed() {
    var suggestions =
        client
            .toBlocking()
            .retrieve(HttpRequest.GET("/api/suggest?q=acc"), Argument.listOf(SuggestionView.class));

    assertFalse(suggestions.isEmpty());
    assertTrue(suggestions.size() <= Articles.MAX_SUGGESTIONS);
    assertTrue(
        suggestions.stream().anyMatch(s -> s.id().equals("account-locked-out")),
        suggestions.toString());
    assertTrue(suggestions.stream().allMatch(s -> s.url().equals("/kb/" + s.id())));
  }

  @Test
  void suggests_nothing_for_an_empty_query() {
    var suggestions =
        client
            .toBlocking()
            .retrieve(HttpRequest.GET("/api/suggest?q="), Argument.listOf(SuggestionView.class));
    assertTrue(suggestions.isEmpty());
  }

  @Test
  void an_overlong_suggest_query_is_a_400() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        "/api/suggest?q=" + "a".repeat(ArticleController.MAX_PREFIX + 1),
                        String.class));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
  }

  @Test
  void the_kb_index_lists_articles_by_category() {
    var page = client.toBlocking().retrieve("/kb");

    assertTrue(page.contains("<h2>Accounts</h2>"), page);
    assertTrue(page.contains("<h2>MFA</h2>"), page);
    assertTrue(page.contains("href=\"/kb/account-locked-out\""), page);
  }

  @Test
  void the_kb_index_searches() {
    var page = client.toBlocking().retrieve("/kb?q=wifi+keeps+dropping");

    assertTrue(page.contains("href=\"/kb/wifi-keeps-dropping\""), page);
    assertFalse(page.contains("<h2>Accounts</h2>"), page);
  }

  @Test
  void the_kb_search_says_so_when_no_article_answers() {
    var page = client.toBlocking().retrieve("/kb?q=how+do+i+book+annual+leave+for+christmas");

    assertTrue(
        page.contains(
            "No article answers <strong>how do i book annual leave for christmas</strong>"),
        page);
    assertTrue(page.split("<li><a href=\"/kb/").length - 1 <= 3, page);
  }

  @Test
  void an_article_page_is_readable_html() {
    var response = client.toBlocking().exchange("/kb/account-locked-out", String.class);

    assertEquals(HttpStatus.OK, response.getStatus());
    assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/html"));
    var page = response.body();
    assertTrue(page.contains("<title>Account locked out · Tier Zero</title>"), page);
    assertTrue(page.contains("href=\"/kb/reset-forgotten-password\""), page);
  }

  @Test
  void an_unknown_article_page_is_a_404_page() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange("/kb/nope", String.class));
    assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
  }
}
