package io.tierzero.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's forms posted over real HTTP the way a browser posts them: the page is fetched
 * first, its CSRF field and cookies are sent back. Cookies are handled by hand, so a test can keep
 * one and replay it later.
 */
public final class ConsoleForms {
  /** What a browser accepts on a navigation; Micronaut matches routes on it. */
  private static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public ConsoleForms(String base) {
    this.base = base;
  }

  /** The sign-in page's cookie ({@code TZ_SIGNIN=…}) and the token its form carries. */
  public record SignInPage(String cookie, String token) {}

  public SignInPage signInPage() {
    var page = get("/console/login", null);
    return new SignInPage(
        setCookie(page, "TZ_SIGNIN")
            .orElseThrow(() -> new AssertionError("no sign-in cookie: " + page.headers().map())),
        csrf(page.body()));
  }

  /** Signs in through the form and returns the session cookie ({@code JWT=…}). */
  public String signIn(String user, String password) {
    var page = signInPage();
    var response =
        post(
            "/console/login",
            Map.of("username", user, "password", password, "csrf", page.token()),
            page.cookie());
    return setCookie(response, "JWT")
        .orElseThrow(
            () ->
                new AssertionError(
                    "not signed in: " + response.statusCode() + " " + response.headers().map()));
  }

  public HttpResponse<String> get(String path, String cookie) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", ACCEPT).GET();
    if (cookie != null) request.header("Cookie", cookie);
    return send(request.build());
  }

  public HttpResponse<String> post(String path, Map<String, String> fields, String cookie) {
    return post(path, fields, cookie, Map.of());
  }

  public HttpResponse<String> post(
      String path, Map<String, String> fields, String cookie, Map<String, String> headers) {
    var body =
        new LinkedHashMap<>(fields)
            .entrySet().stream()
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", ACCEPT)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) request.header("Cookie", cookie);
    headers.forEach(request::header);
    return send(request.build());
  }

  /** The CSRF token of the first form on {@code html}. */
  public static String csrf(String html) {
    var m = CSRF.matcher(html);
    if (!m.find()) throw new AssertionError("no CSRF field on the page: " + html);
    return m.group(1);
  }

  /** {@code name=value} of the cookie {@code name} the response sets, without its attributes. */
  public static Optional<String> setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.split(";", 2)[0])
        .findFirst();
  }

  /** The whole {@code Set-Cookie} header for {@code name}, attributes included. */
  public static Optional<String> setCookieHeader(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
