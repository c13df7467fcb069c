package io.tierzero.bot.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;

/**
 * Rate limits on the public API, before security, routing and the database see the request: per
 * client address on every public call, and per conversation on the calls that write to one
 * (messages, feedback, tickets). The sign-in form counts against the address too, which slows
 * password guessing. See {@link RateLimitConfiguration} for the figures.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RateLimitFilter implements HttpServerFilter {
  /** {@code /api/conversations/{id}/…}: the id is the conversation's bucket. */
  private static final Pattern CONVERSATION_CALL =
      Pattern.compile("^/api/conversations/([^/]+)/.+");

  private final RateLimitConfiguration configuration;
  private final ClientAddress addresses;
  private final TokenBuckets byAddress;
  private final TokenBuckets byConversation;

  RateLimitFilter(RateLimitConfiguration configuration, ClientAddress addresses) {
    this.configuration = configuration;
    this.addresses = addresses;
    this.byAddress =
        new TokenBuckets(
            configuration.addressBurst(),
            configuration.addressPerMinute(),
            configuration.maxBuckets(),
            System::nanoTime);
    this.byConversation =
        new TokenBuckets(
            configuration.conversationBurst(),
            configuration.conversationPerMinute(),
            configuration.maxBuckets(),
            System::nanoTime);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (!configuration.enabled() || !limited(request)) return chain.proceed(request);
    var wait = byAddress.take(addresses.of(request));
    if (wait == 0 && request.getMethod() == HttpMethod.POST) {
      var conversation = CONVERSATION_CALL.matcher(request.getPath());
      if (conversation.matches()) wait = byConversation.take(conversation.group(1));
    }
    if (wait > 0) return Publishers.just(tooMany(wait));
    return chain.proceed(request);
  }

  /**
   * The API (the agents' part too), the knowledge base pages with their search, the sign-in POST.
   */
  private static boolean limited(HttpRequest<?> request) {
    var path = request.getPath();
    if (path.startsWith("/api/") || path.equals("/kb") || path.startsWith("/kb/")) return true;
    return path.equals("/console/login") && request.getMethod() == HttpMethod.POST;
  }

  private static MutableHttpResponse<?> tooMany(long seconds) {
    return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(ApiErrors.of("Too many requests: try again in " + seconds + " s"));
  }
}
