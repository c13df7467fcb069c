package io.tierzero.kb.intent;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Something people ask the bot that is not a knowledge-base question, with example utterances
 * written the way people type. Intents are data ({@code articles/intents/*.yaml}); a flow's {@code
 * triggers:} are the examples of an intent that starts it.
 *
 * @param reply what the bot says, for small talk, a redirect and a new conversation; else null
 * @param options quick replies shown with {@code reply}
 * @param flow the flow to start, for {@link Action#FLOW}; else null
 * @param source the file it came from, or null for intents built in memory
 * @param line where it starts in {@code source}
 */
public record Intent(
    String id,
    Action action,
    String reply,
    List<String> options,
    String flow,
    List<String> examples,
    Path source,
    int line) {

  public Intent {
    options = options == null ? List.of() : List.copyOf(options);
    examples = List.copyOf(examples);
  }

  /** What the bot does when a message is this intent. */
  public enum Action {
    HANDOFF("handoff"),
    TICKET_STATUS("ticket-status"),
    TICKET_NOTE("ticket-note"),
    TICKET_CLOSE("ticket-close"),
    NEW_CONVERSATION("new-conversation"),
    SMALLTALK("smalltalk"),
    REDIRECT("redirect"),
    FLOW("flow"),
    /**
     * "That didn't work", "still broken": after the user rated an answer unhelpful, a person
     * instead of the knowledge base again; otherwise the intent's {@code reply}, a text reply like
     * small talk.
     */
    STILL_NOT_FIXED("still-not-fixed"),
    /** An answer to the bot's own yes/no question (a flow's, "Close T-000123?"). */
    YES("yes"),
    NO("no"),
    /** Stops the guided fix the user is in. */
    CANCEL("cancel"),
    /** Back to the guided fix's previous question. */
    BACK("back"),
    /** The guided fix again from its first step. */
    START_OVER("start-over"),
    /** Words that, anywhere in a message during a guided fix, ask for a person. */
    PERSON("person"),
    /**
     * A whole reply that only asks for the ticket a handoff offered ("ticket", "raise a ticket"),
     * on channels without the ticket form (email): "TICKET" in answer to "Reply TICKET to raise a
     * ticket".
     */
    RAISE_TICKET("raise-ticket");

    private final String yaml;

    Action(String yaml) {
      this.yaml = yaml;
    }

    public String yaml() {
      return yaml;
    }

    public static Optional<Action> fromYaml(String name) {
      for (Action a : values()) if (a.yaml.equals(name)) return Optional.of(a);
      return Optional.empty();
    }

    /** Status, note and close: about a ticket the user already has. */
    public boolean aboutTickets() {
      return this == TICKET_STATUS || this == TICKET_NOTE || this == TICKET_CLOSE;
    }

    /**
     * Words that answer the bot's own question or steer a guided fix, matched as typed (case and
     * punctuation aside), never by meaning: "yes" and "no" are close by meaning. They are not part
     * of the turn's decision; the bot asks for them where its question is open.
     */
    public boolean asTyped() {
      return this == YES
          || this == NO
          || this == CANCEL
          || this == BACK
          || this == START_OVER
          || this == PERSON
          || this == RAISE_TICKET;
    }

    /** Actions that answer with the intent's own {@code reply}. */
    public boolean needsReply() {
      return this == SMALLTALK
          || this == REDIRECT
          || this == NEW_CONVERSATION
          || this == STILL_NOT_FIXED;
    }
  }

  /**
   * The behaviour the intent stands for, as evaluation data names it: {@code handoff}, {@code
   * ticket-status}, {@code smalltalk}, {@code flow:<id>}, ...; two small-talk kinds are one
   * behaviour, so the margin between them does not count against either. Noting on and closing a
   * ticket are questions about one's tickets ({@code ticket-status}) like asking its status: which
   * of the three is the bot's next step, not a different kind of request.
   */
  public String behaviour() {
    if (action == Action.FLOW) return "flow:" + flow;
    // Without a thumbs down before it, "still not working" gets a short text reply: small talk.
    if (action == Action.STILL_NOT_FIXED) return Action.SMALLTALK.yaml();
    return action.aboutTickets() ? Action.TICKET_STATUS.yaml() : action.yaml();
  }
}
