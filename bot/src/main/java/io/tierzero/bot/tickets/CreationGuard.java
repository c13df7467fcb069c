package io.tierzero.bot.tickets;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.exceptions.HttpStatusException;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.identity.VerifiedEmails;
import io.tierzero.bot.limits.Limits;
import io.tierzero.bot.security.ClientAddress;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * What a new ticket must pass: the conversation was offered a person (a handoff or a flow's
 * escalation was recorded for it, or a handoff reply is in its transcript), and neither the client
 * address nor the requester email raised too many tickets this hour. Counted in the database
 * ({@link Limits}), in the ticket's transaction, so a ticket that fails later gives its use back.
 */
@Singleton
class CreationGuard {
  private final Limits limits;
  private final ClientAddress clients;
  private final VerifiedEmails verifiedEmails;
  private final TicketLimitsConfiguration config;
  private final TicketTexts texts;

  CreationGuard(
      Limits limits,
      ClientAddress clients,
      VerifiedEmails verifiedEmails,
      TicketLimitsConfiguration config,
      TicketTexts texts) {
    this.limits = limits;
    this.clients = clients;
    this.verifiedEmails = verifiedEmails;
    this.config = config;
    this.texts = texts;
  }

  /**
   * @param offered whether a handoff was recorded for the conversation (by a handler or a flow)
   */
  void check(Transcript transcript, boolean offered, String email) {
    if (!offered && transcript.messages().stream().noneMatch(m -> m.type() == ReplyType.HANDOFF)) {
      throw new HttpStatusException(HttpStatus.CONFLICT, texts.get("tickets.refused.not-offered"));
    }
    var address = ServerRequestContext.currentRequest().map(clients::of).orElse("unknown");
    if (!limits.tryTake(
        "ticket-address:" + address, config.perAddressPerHour(), Duration.ofHours(1))) {
      throw new HttpStatusException(
          HttpStatus.TOO_MANY_REQUESTS, texts.get("tickets.refused.address-limit"));
    }
    var requester = email.strip().toLowerCase(Locale.ROOT);
    if (!limits.tryTake(
        "ticket-requester:" + requester, config.perRequesterPerHour(), Duration.ofHours(1))) {
      throw new HttpStatusException(
          HttpStatus.TOO_MANY_REQUESTS, texts.get("tickets.refused.requester-limit"));
    }
  }

  boolean verified(String conversationId, String email) {
    return verifiedEmails.verified(conversationId, email);
  }
}
