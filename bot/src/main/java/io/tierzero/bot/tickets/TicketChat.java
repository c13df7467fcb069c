package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.chat.AnswerWords;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.ReplyInput;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.chat.TurnContext;
import io.tierzero.kb.intent.Intent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adding a note to the conversation's ticket and closing it, in chat. Closing asks once ("Close
 * T-000123?") because it cannot be undone here; a note without its text asks for the text. Which
 * question is open is the bot's last reply (its text starts with {@code
 * tickets.chat.close-question.start} or {@code tickets.chat.note-question.start}), so nothing but
 * the transcript holds the state.
 */
@Singleton
final class TicketChat {

  /** The note is what follows "that", "saying" or a colon in "add (a note) that ...". */
  private static final Pattern NOTE_TEXT =
      Pattern.compile(
          "(?is)^.*?\\b(?:add|tell|note|let|put|say)\\b.*?(?:\\bthat\\s+says\\b|\\bthat\\b|\\bsaying\\b|:)\\s*(.+)$");

  private final TicketUpdates updates;
  private final AnswerWords words;
  private final TicketTexts texts;

  TicketChat(TicketUpdates updates, AnswerWords words, TicketTexts texts) {
    this.updates = updates;
    this.words = words;
    this.texts = texts;
  }

  /** "Yes" to the open question: an answer word of the intents (answers.yaml). */
  private boolean yes(TurnContext context) {
    return words.is(Intent.Action.YES, context.normalized());
  }

  /** "No", or "cancel", to the open question. */
  private boolean no(TurnContext context) {
    return words.is(Intent.Action.NO, context.normalized())
        || words.is(Intent.Action.CANCEL, context.normalized());
  }

  /** The answer to the open question of the last reply, if there is one and this answers it. */
  Optional<List<Reply>> answer(TurnContext context, Ticket ticket) {
    var previous = context.previousReply();
    if (previous == null) return Optional.empty();
    var number = ticket.ticketNumber();
    if (previous.text().startsWith(texts.get("tickets.chat.close-question.start", number))) {
      if (yes(context)) return Optional.of(List.of(close(context, ticket)));
      if (no(context)) {
        return Optional.of(List.of(Reply.text(texts.get("tickets.chat.kept-open", number))));
      }
      return Optional.empty();
    }
    if (previous.text().startsWith(texts.get("tickets.chat.note-question.start", number))) {
      if (no(context))
        return Optional.of(List.of(Reply.text(texts.get("tickets.chat.nothing-added", number))));
      return Optional.of(List.of(note(context, ticket, context.text())));
    }
    return Optional.empty();
  }

  /** "Close my ticket": asks first. */
  Reply askToClose(Ticket ticket) {
    if (ticket.ticketStatus() == TicketStatus.CLOSED) return alreadyClosed(ticket);
    return new Reply(
        ReplyType.TEXT,
        texts.get(
            "tickets.chat.close-question",
            texts.get("tickets.chat.close-question.start", ticket.ticketNumber()),
            ticket.subject()),
        List.of(),
        List.of(texts.get("tickets.chat.yes"), texts.get("tickets.chat.no")),
        null,
        new ReplyInput(ReplyInput.YES_NO));
  }

  /** "Add a note ...": adds what follows "that" or a colon, or asks for it. */
  Reply noteOrAsk(TurnContext context, Ticket ticket) {
    if (ticket.ticketStatus() == TicketStatus.CLOSED) return alreadyClosed(ticket);
    var text = noteText(context.text());
    if (text != null) return note(context, ticket, text);
    return new Reply(
        ReplyType.TEXT,
        texts.get(
            "tickets.chat.note-question",
            texts.get("tickets.chat.note-question.start", ticket.ticketNumber())),
        List.of(),
        List.of(texts.get("tickets.chat.cancel")),
        null,
        new ReplyInput(ReplyInput.TEXT));
  }

  /**
   * The note in "please add that it still happens", or null when the message only asks to add one.
   */
  static @Nullable String noteText(String message) {
    var m = NOTE_TEXT.matcher(message.strip());
    if (!m.matches()) return null;
    var text = m.group(1).strip();
    return text.isEmpty() ? null : text;
  }

  private Reply close(TurnContext context, Ticket ticket) {
    var result = updates.close(TicketUpdates.Access.ofConversation(context.conversationId()), null);
    if (result.isEmpty()) return Reply.text(texts.get("tickets.chat.not-found"));
    var number = result.get().ticket().number();
    if (!result.get().recorded()) return alreadyClosed(ticket);
    return new Reply(
        ReplyType.TICKET_STATUS,
        texts.get("tickets.chat.closed", number),
        List.of(),
        List.of(Options.NEW_CONVERSATION));
  }

  private Reply note(TurnContext context, Ticket ticket, String text) {
    if (ticket.ticketStatus() == TicketStatus.CLOSED) return alreadyClosed(ticket);
    if (text.strip().length() > TicketUpdates.MAX_TEXT) {
      return Reply.text(texts.get("tickets.chat.note-too-long", TicketUpdates.MAX_TEXT));
    }
    var result =
        updates.addNote(TicketUpdates.Access.ofConversation(context.conversationId()), text);
    if (result.isEmpty()) return Reply.text(texts.get("tickets.chat.not-found"));
    var change = result.get().change();
    return new Reply(
        ReplyType.TICKET_STATUS,
        texts.get(
            "tickets.chat.note-added",
            result.get().ticket().number(),
            change == null ? text : change.text()),
        List.of(),
        List.of());
  }

  private Reply alreadyClosed(Ticket ticket) {
    return Reply.text(
        texts.get("tickets.chat.already-closed", ticket.ticketNumber()), Options.NEW_CONVERSATION);
  }
}
