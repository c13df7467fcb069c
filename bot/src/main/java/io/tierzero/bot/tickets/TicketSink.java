package io.tierzero.bot.tickets;

/**
 * Somewhere tickets are delivered: a helpdesk's webhook, an email address. Several can be
 * configured at once; each ticket is delivered to each through the outbox.
 */
public interface TicketSink {
  /**
   * A stable name, unique among sinks: outbox rows refer to their sink by it, so renaming a sink
   * leaves its pending rows waiting for a sink of the old name.
   */
  String name();

  /**
   * Delivers one ticket. Returns only when the receiver accepted it; throws otherwise, and the
   * dispatcher tries again later with the same {@link TicketMessage#idempotencyKey()}.
   *
   * @param attempt 1 for the first attempt
   */
  void deliver(TicketMessage message, int attempt) throws Exception;
}
