package io.tierzero.bot.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/** The client a request comes from, as every per-address limit counts it. */
@Singleton
public class ClientAddress {
  private final HttpClientAddressResolver addresses;

  ClientAddress(HttpClientAddressResolver addresses) {
    this.addresses = addresses;
  }

  /** The client's address, or {@code unknown}. */
  public String of(HttpRequest<?> request) {
    var address = addresses.resolve(request);
    return address == null || address.isBlank() ? "unknown" : address;
  }
}
