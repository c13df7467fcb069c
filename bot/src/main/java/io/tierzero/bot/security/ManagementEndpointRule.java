package io.tierzero.bot.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.ConfigurationInterceptUrlMapRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Management endpoints ({@code /routes}, {@code /threaddump}, {@code /env}, {@code /loggers}, ...)
 * need an agent; only {@code /health} (the load balancer's probe) and {@code /prometheus} (the
 * scraper) are open, whatever sensitivity an endpoint declares for itself (Micronaut's loggers and
 * metrics call their reads harmless). Micronaut's own rule runs after the URL map, whose last entry
 * opens every other path to anonymous callers, so this one runs first. It goes by what a route is,
 * not by a list of paths, so an endpoint added later is guarded too.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class ManagementEndpointRule extends SensitiveEndpointRule {
  /** Just before the URL map. */
  static final int ORDER = ConfigurationInterceptUrlMapRule.ORDER - 1;

  /** Endpoint ids anyone may call. */
  static final Set<String> PUBLIC = Set.of("health", "prometheus");

  ManagementEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
    super(endpointSensitivityProcessor);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  @NonNull protected Publisher<SecurityRuleResult> check(
      @NonNull HttpRequest<?> request,
      @Nullable Authentication authentication,
      @NonNull ExecutableMethod<?, ?> method) {
    var id =
        method
            .stringValue(Endpoint.class, "id")
            .or(() -> method.stringValue(Endpoint.class))
            .orElse("");
    if (PUBLIC.contains(id)) return checkNotSensitive(request, authentication, method);
    return authentication == null
        ? checkSensitiveAnonymous(request, method)
        : checkSensitiveAuthenticated(request, authentication, method);
  }

  @Override
  @NonNull protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(
      @NonNull HttpRequest<?> request,
      @NonNull Authentication authentication,
      @NonNull ExecutableMethod<?, ?> method) {
    return Publishers.just(
        authentication.getRoles().contains(Roles.AGENT)
            ? SecurityRuleResult.ALLOWED
            : SecurityRuleResult.REJECTED);
  }
}
