package io.tierzero.bot.tickets.rt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.tierzero.bot.tickets.TicketStatus;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Request Tracker sink, {@code tierzero.tickets.rt.*}; on when {@code url} is set.
 *
 * @param url RT's base URL (its {@code WebBaseURL} and {@code WebPath}), e.g. {@code
 *     https://rt.example.com}; REST 2 is under {@code /REST/2.0/}
 * @param token an RT auth token of the bot's RT user ({@code Authorization: token ...}); preferred
 * @param username with {@code password}, HTTP basic auth instead of a token
 * @param queues RT queue by our queue ({@code tierzero.tickets.queues}); an unlisted queue goes to
 *     {@code defaultQueue}
 * @param defaultQueue the RT queue for queues not listed; {@value #DEFAULT_QUEUE}, the queue every
 *     RT has, by default
 * @param priorities RT's numeric priority by ours (P1..P4); defaults in {@link #DEFAULT_PRIORITIES}
 * @param statuses our status (new, open, pending, resolved, closed) by RT's; added to {@link
 *     #DEFAULT_STATUSES}, e.g. for a custom lifecycle. An RT status not mapped leaves ours as it
 *     is.
 * @param keyField the ticket custom field (applied to the queues used) that holds our idempotency
 *     key; RT has no key of its own
 * @param timeout the longest one request to RT may take
 */
@ConfigurationProperties(RequestTrackerConfiguration.PREFIX)
public record RequestTrackerConfiguration(
    URI url,
    @Nullable String token,
    @Nullable String username,
    @Nullable String password,
    @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
        Map<String, String> queues,
    @Bindable(defaultValue = DEFAULT_QUEUE) String defaultQueue,
    @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
        Map<String, Integer> priorities,
    @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
        Map<String, String> statuses,
    @Bindable(defaultValue = DEFAULT_KEY_FIELD) String keyField,
    @Bindable(defaultValue = "10s") Duration timeout) {
  public static final String PREFIX = "tierzero.tickets.rt";
  public static final String DEFAULT_QUEUE = "General";
  public static final String DEFAULT_KEY_FIELD = "TierZero Key";

  /** RT's priority runs 0..99, higher is more urgent; these leave room either side. */
  public static final Map<String, Integer> DEFAULT_PRIORITIES =
      Map.of("P1", 90, "P2", 70, "P3", 50, "P4", 30);

  /** RT's default lifecycle: stalled waits for someone, rejected and deleted are done with. */
  public static final Map<String, TicketStatus> DEFAULT_STATUSES =
      Map.of(
          "new", TicketStatus.NEW,
          "open", TicketStatus.OPEN,
          "stalled", TicketStatus.PENDING,
          "resolved", TicketStatus.RESOLVED,
          "rejected", TicketStatus.CLOSED,
          "deleted", TicketStatus.CLOSED);

  public RequestTrackerConfiguration {
    if (url == null) throw new IllegalArgumentException(PREFIX + ".url is required");
    var noToken = token == null || token.isBlank();
    if (noToken && (username == null || username.isBlank() || password == null)) {
      throw new IllegalArgumentException(PREFIX + ": set token, or username and password");
    }
    queues = queues == null ? Map.of() : Map.copyOf(queues);
    var p = new HashMap<>(DEFAULT_PRIORITIES);
    if (priorities != null) priorities.forEach((k, v) -> p.put(k.toUpperCase(Locale.ROOT), v));
    priorities = Map.copyOf(p);
    if (statuses != null) {
      for (var entry : statuses.entrySet()) {
        try {
          TicketStatus.fromJson(entry.getValue());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              PREFIX
                  + ".statuses."
                  + entry.getKey()
                  + ": "
                  + entry.getValue()
                  + " is not one of new, open, pending, resolved, closed");
        }
      }
      var lower = new HashMap<String, String>();
      statuses.forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v));
      statuses = Map.copyOf(lower);
    }
  }

  /** Our status for an RT status; empty for one not mapped. */
  Optional<TicketStatus> ourStatus(String rtStatus) {
    var key = rtStatus.strip().toLowerCase(Locale.ROOT);
    if (statuses != null && statuses.containsKey(key))
      return Optional.of(TicketStatus.fromJson(statuses.get(key)));
    return Optional.ofNullable(DEFAULT_STATUSES.get(key));
  }

  String rtQueue(String ourQueue) {
    var mapped = queues.get(ourQueue);
    return mapped == null || mapped.isBlank() ? defaultQueue : mapped;
  }

  int rtPriority(String ourPriority) {
    return priorities.getOrDefault(ourPriority, DEFAULT_PRIORITIES.get("P3"));
  }
}
