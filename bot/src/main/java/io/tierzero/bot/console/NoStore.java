package io.tierzero.bot.console;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Agents' pages and reports name people and their problems: browsers and proxies must not keep
 * copies ({@code Cache-Control: no-store}), so signing out leaves nothing behind on a shared PC.
 */
@ServerFilter(patterns = {"/console/**", "/api/agent/**"})
class NoStore {
  @ResponseFilter
  void noStore(MutableHttpResponse<?> response) {
    response.getHeaders().set("Cache-Control", "no-store");
  }
}
