package io.tierzero.bot.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client a request comes from, as every per-address limit counts it: the connection's address,
 * unless that is one of {@code tierzero.security.trusted-proxies} (CIDRs, none by default). Then it
 * is the rightmost {@code X-Forwarded-For} entry that is not a trusted proxy: each proxy appends
 * the address it was connected from, so entries left of it may be made up by the client.
 */
@Singleton
public class ClientAddress {
  public static final String TRUSTED_PROXIES = "tierzero.security.trusted-proxies";
  static final String UNKNOWN = "unknown";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<Cidr> trusted;

  ClientAddress(@Property(name = TRUSTED_PROXIES) @Nullable List<String> trustedProxies) {
    var parsed = new ArrayList<Cidr>();
    for (var cidr : trustedProxies == null ? List.<String>of() : trustedProxies) {
      if (!cidr.isBlank()) parsed.add(Cidr.parse(cidr.strip()));
    }
    this.trusted = List.copyOf(parsed);
  }

  /** The client's address, or {@code unknown}. */
  public String of(HttpRequest<?> request) {
    var socket = request.getRemoteAddress();
    var peer = socket == null || socket.getAddress() == null ? null : socket.getAddress();
    if (peer == null) return UNKNOWN;
    if (!isTrusted(peer)) return peer.getHostAddress();
    var hops =
        request.getHeaders().getAll("X-Forwarded-For").stream()
            .flatMap(h -> Arrays.stream(h.split(",")))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      var hop = literal(hops.get(i));
      // What a trusted proxy passed on is unusable: the proxy itself is the best we know.
      if (hop.isEmpty()) break;
      client = hop.get();
      if (!isTrusted(client)) break;
    }
    return client.getHostAddress();
  }

  /**
   * Whether the client reached us over TLS: this connection is TLS, or it comes from a trusted
   * proxy whose {@code X-Forwarded-Proto} says {@code https}. The header is read only from a
   * trusted proxy (a client could send it too), and only the value the nearest proxy passed on (the
   * rightmost), which the proxy facing the client must set rather than append to.
   */
  public boolean viaTls(HttpRequest<?> request) {
    if (request.isSecure()) return true;
    var socket = request.getRemoteAddress();
    if (socket == null || socket.getAddress() == null || !isTrusted(socket.getAddress()))
      return false;
    var protos =
        request.getHeaders().getAll("X-Forwarded-Proto").stream()
            .flatMap(h -> Arrays.stream(h.split(",")))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    return !protos.isEmpty() && protos.get(protos.size() - 1).equalsIgnoreCase("https");
  }

  private boolean isTrusted(InetAddress address) {
    for (var cidr : trusted) if (cidr.contains(address)) return true;
    return false;
  }

  /**
   * An IP literal, optionally with a port or in brackets; never a name (that would be a DNS
   * lookup).
   */
  static Optional<InetAddress> literal(String text) {
    var s = text;
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) return Optional.empty();
      s = s.substring(1, end);
    } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      s = s.substring(0, s.indexOf(':'));
    }
    if (!IPV4.matcher(s).matches() && !(s.contains(":") && IPV6.matcher(s).matches()))
      return Optional.empty();
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * An address range such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a /32 or
   * /128.
   */
  record Cidr(byte[] network, int bits) {
    static Cidr parse(String text) {
      var slash = text.indexOf('/');
      var address =
          literal(slash < 0 ? text : text.substring(0, slash))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          TRUSTED_PROXIES + ": not an address range: " + text));
      var bytes = address.getAddress();
      int bits;
      try {
        bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(TRUSTED_PROXIES + ": not an address range: " + text);
      }
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException(TRUSTED_PROXIES + ": prefix out of range: " + text);
      }
      return new Cidr(bytes, bits);
    }

    boolean contains(InetAddress address) {
      var bytes = address.getAddress();
      if (bytes.length != network.length) return false;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((bytes[i / 8] & mask) != (network[i / 8] & mask)) return false;
      }
      return true;
    }
  }
}
