package io.tierzero.bot.tickets.rt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tierzero.bot.tickets.HelpDeskUpdates;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings RT's side back: every {@code tierzero.tickets.rt.poll-interval} (default {@value
 * #DEFAULT_INTERVAL}) it reads the new history of each RT ticket whose ticket here is not closed. A
 * status change there moves ours ({@link RequestTrackerConfiguration#ourStatus}); correspondence by
 * anyone but the requestors and the bot itself (an agent's reply) is told to the user in the chat.
 * {@link HelpDeskUpdates} records each RT transaction once, so a poll repeated after a crash, or
 * run by two instances at once, tells the user nothing twice.
 *
 * <p>Polling rather than an RT scrip calling us: it needs nothing installed in RT and no inbound
 * access to the bot, and an outage on either side only delays the news.
 */
@Singleton
@Requires(property = RequestTrackerConfiguration.PREFIX + ".url")
public class RequestTrackerPoller {
  static final String DEFAULT_INTERVAL = "30s";

  private static final Logger LOG = LoggerFactory.getLogger(RequestTrackerPoller.class);
  private static final List<String> TYPES = List.of("Status", "Set", "Correspond");

  private final RequestTrackerConfiguration config;
  private final RequestTrackerClient rt;
  private final RtTicketRepository links;
  private final HelpDeskUpdates updates;
  private final AtomicBoolean busy = new AtomicBoolean();

  RequestTrackerPoller(
      RequestTrackerConfiguration config,
      RequestTrackerClient rt,
      RtTicketRepository links,
      HelpDeskUpdates updates) {
    this.config = config;
    this.rt = rt;
    this.links = links;
    this.updates = updates;
  }

  @Scheduled(
      fixedDelay =
          "${" + RequestTrackerConfiguration.PREFIX + ".poll-interval:" + DEFAULT_INTERVAL + "}",
      initialDelay = "${" + RequestTrackerConfiguration.PREFIX + ".initial-delay:5s}")
  void poll() {
    if (!busy.compareAndSet(false, true)) return;
    try {
      for (var link : links.findOpen()) {
        try {
          read(link);
        } catch (IOException | RuntimeException e) {
          // RT or the database is away: the next poll reads from where this one stopped.
          LOG.warn("Reading RT ticket {} failed: {}", link.rtId(), e.toString());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("RT poll failed: {}", e.toString());
    } finally {
      busy.set(false);
    }
  }

  private void read(RtTicket link) throws IOException, InterruptedException {
    var history = rt.transactions(link.rtId(), link.seenTransaction(), TYPES);
    if (history.isEmpty()) return;
    var ticket = rt.ticket(link.rtId());
    // Status first, then replies: the reply the user reads then says the status as it is now
    // (an agent's answer usually opens the ticket in the same second).
    for (var tx : history) {
      if (!isStatus(tx) || tx.creator().equalsIgnoreCase(ticket.creator()) || tx.newValue() == null)
        continue;
      var ours = config.ourStatus(tx.newValue());
      if (ours.isPresent()) updates.statusChanged(link.ticketId(), sourceId(tx), ours.get());
    }
    for (var tx : history) {
      if (!tx.type().equals("Correspond") || !byAgent(tx, ticket)) continue;
      var text = rt.text(tx.id());
      if (!text.isBlank()) updates.replied(link.ticketId(), sourceId(tx), text);
    }
    links.update(link.seen(history.get(history.size() - 1).id()));
  }

  private static boolean isStatus(RequestTrackerClient.Transaction tx) {
    return tx.type().equals("Status") || (tx.type().equals("Set") && "Status".equals(tx.field()));
  }

  /** Not the bot's own notes (it created the ticket), not the requester's mail to RT. */
  private static boolean byAgent(
      RequestTrackerClient.Transaction tx, RequestTrackerClient.TicketInfo ticket) {
    if (tx.creator().equalsIgnoreCase(ticket.creator())) return false;
    return ticket.requestors().stream().noneMatch(r -> r.equalsIgnoreCase(tx.creator()));
  }

  private static String sourceId(RequestTrackerClient.Transaction tx) {
    return "rt:transaction:" + tx.id();
  }
}
