package io.tierzero.bot.channels.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector's signing keys: the OpenID metadata names the key set ({@code jwks_uri}), which
 * is read and kept. An unknown key id reads both again, since Microsoft adds a key before signing
 * with it; but at most once per {@link #MIN_REFRESH}, so tokens with made-up key ids cannot make
 * the bot download the key set on every request.
 */
final class BotFrameworkKeys {
  private static final Logger LOG = LoggerFactory.getLogger(BotFrameworkKeys.class);

  /** Keys are read again after a day even when every key id is known, so a withdrawn key goes. */
  static final Duration MAX_AGE = Duration.ofHours(24);

  static final Duration MIN_REFRESH = Duration.ofMinutes(1);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * A signing key and the channels it may sign for ({@code endorsements}, e.g. {@code msteams});
   * empty when the key set names none.
   */
  record Key(RSAPublicKey publicKey, Set<String> endorsements) {}

  private final URI metadataUrl;
  private final HttpClient http;
  private final Clock clock;
  private Map<String, Key> keys = Map.of();
  private @Nullable Instant fetchedAt;

  BotFrameworkKeys(String metadataUrl, HttpClient http, Clock clock) {
    this.metadataUrl = URI.create(metadataUrl);
    this.http = http;
    this.clock = clock;
  }

  /** The key with id {@code kid}, read again from the metadata if it is not known yet. */
  synchronized Optional<Key> key(String kid) {
    var now = clock.instant();
    boolean stale = fetchedAt == null || now.isAfter(fetchedAt.plus(MAX_AGE));
    boolean mayRefresh = fetchedAt == null || !now.isBefore(fetchedAt.plus(MIN_REFRESH));
    if (stale || (!keys.containsKey(kid) && mayRefresh)) refresh(now);
    return Optional.ofNullable(keys.get(kid));
  }

  private void refresh(Instant now) {
    // Counted as a fetch even when it fails: a connector outage must not turn into a download per
    // request.
    fetchedAt = now;
    try {
      var metadata = JSONObjectUtils.parse(get(metadataUrl));
      var jwksUri = JSONObjectUtils.getString(metadata, "jwks_uri");
      if (jwksUri == null) throw new ParseException("no jwks_uri", 0);
      var set = JSONObjectUtils.parse(get(metadataUrl.resolve(jwksUri)));
      var read = new HashMap<String, Key>();
      for (var entry : JSONObjectUtils.getJSONObjectArray(set, "keys")) {
        var jwk = JWK.parse(entry);
        if (!(jwk instanceof RSAKey rsa) || rsa.getKeyID() == null) continue;
        var endorsements = JSONObjectUtils.getStringList(entry, "endorsements");
        read.put(
            rsa.getKeyID(),
            new Key(
                rsa.toRSAPublicKey(), endorsements == null ? Set.of() : Set.copyOf(endorsements)));
      }
      keys = Map.copyOf(read);
    } catch (IOException | ParseException | JOSEException | RuntimeException e) {
      // The keys read before stay: better than refusing every request while the metadata is down.
      LOG.warn("Bot Framework signing keys not read from {}: {}", metadataUrl, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String get(URI uri) throws IOException, InterruptedException {
    var response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200)
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    return response.body();
  }
}
