package io.tierzero.bot.tickets;

import io.tierzero.bot.chat.FlowAction;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.identity.Directory;
import io.tierzero.bot.identity.DirectoryException;
import io.tierzero.bot.identity.Verification;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The flow action {@code list_tickets}: the tickets raised under the email address of a user who
 * typed the emailed code in this conversation, from any conversation, shown as a {@code
 * ticket_status} reply. Whatever the flow file says, it refuses ({@code not_verified}) unless the
 * same user was verified here: before the code nothing may tell whether an address has tickets.
 */
@Singleton
final class TicketLookup implements FlowAction {
  /** Enough to find the one a user asks about; the oldest of a long history are in the emails. */
  static final int MAX_LISTED = 10;

  private final Verification verification;
  private final Directory directory;
  private final TicketRepository tickets;
  private final TicketTexts texts;

  TicketLookup(
      Verification verification, Directory directory, TicketRepository tickets, TicketTexts texts) {
    this.verification = verification;
    this.directory = directory;
    this.tickets = tickets;
    this.texts = texts;
  }

  @Override
  public String name() {
    return "list_tickets";
  }

  @Override
  public Outcome run(String conversationId, Map<String, String> parameters) {
    var user = parameters.getOrDefault("user", "");
    if (user.isBlank() || !verification.isVerified(conversationId, user))
      return Outcome.failed("not_verified");
    String email;
    try {
      email =
          directory
              .findUser(user)
              .map(u -> u.email())
              .filter(e -> e != null && !e.isBlank())
              .orElse(null);
    } catch (DirectoryException e) {
      return Outcome.failed("directory_unavailable");
    }
    if (email == null) return Outcome.failed("no_email");
    var found = tickets.findByRequesterEmail(email.strip().toLowerCase(Locale.ROOT), MAX_LISTED);
    var data = Map.of("count", String.valueOf(found.size()));
    return Outcome.showing(reply(email, found), data);
  }

  private Reply reply(String email, List<Ticket> found) {
    if (found.isEmpty()) {
      return new Reply(
          ReplyType.TICKET_STATUS, texts.get("tickets.lookup.none", email), List.of(), List.of());
    }
    var lines =
        found.stream()
            .map(
                t ->
                    texts.get(
                        "tickets.lookup.line",
                        t.ticketNumber(),
                        t.ticketStatus().json(),
                        ConversationTicketStatuses.WHEN.format(t.updatedAt()),
                        t.subject()))
            // One paragraph: the widget shows a reply's text as it is, without line breaks.
            .collect(Collectors.joining("; "));
    var text =
        found.size() == 1
            ? texts.get("tickets.lookup.one", email, lines)
            : texts.get("tickets.lookup.many", email, lines);
    return new Reply(ReplyType.TICKET_STATUS, text, List.of(), List.of());
  }
}
