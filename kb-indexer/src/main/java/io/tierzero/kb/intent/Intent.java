package io.tierzero.kb.intent;

import java.nio.file.Path;
import java.util.List;

/**
 * Something people ask the bot that is not a knowledge-base question, with example utterances
 * written the way people type. Intents are data ({@code articles/intents/*.yaml}); a flow's
 * {@code triggers:} are the examples of an intent that starts it.
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
    FLOW("flow");

    private final String yaml;

    Action(String yaml) {
      this.yaml = yaml;
    }

    public String yaml() {
      return yaml;
    }

    public static java.util.Optional<Action> fromYaml(String name) {
      for (Action a : values()) if (a.yaml.equals(name)) return java.util.Optional.of(a);
      return java.util.Optional.empty();
    }

    /** Status, note and close: about a ticket the user already has. */
    public boolean aboutTickets() {
      return this == TICKET_STATUS || this == TICKET_NOTE || this == TICKET_CLOSE;
    }

    /** Actions that answer with the intent's own {@code reply}. */
    public boolean needsReply() {
      return this == SMALLTALK || this == REDIRECT || this == NEW_CONVERSATION;
    }
  }

  /**
   * The behaviour the intent stands for, as evaluation data names it: {@code handoff},
   * {@code ticket-status}, {@code smalltalk}, {@code flow:<id>}, ...; two small-talk kinds are one
   * behaviour, so the margin between them does not count against either. Noting on and closing a
   * ticket are questions about one's tickets ({@code ticket-status}) like asking its status: which
   * of the three is the bot's next step, not a different kind of request.
   */
  public String behaviour() {
    if (action == Action.FLOW) return "flow:" + flow;
    return action.aboutTickets() ? Action.TICKET_STATUS.yaml() : action.yaml();
  }
}
