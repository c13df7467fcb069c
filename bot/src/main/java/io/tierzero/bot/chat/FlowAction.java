package io.tierzero.bot.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One named action a flow step can run (the names are {@link io.tierzero.kb.flow.FlowActions}).
 * Parameters may hold a secret for the length of the call: an action never logs or keeps them.
 * Here, beside the replies it returns, rather than in flows, so that a feature outside flows can
 * offer one (tickets' {@code list_tickets}) without importing flows.
 */
public interface FlowAction {
  /** The name flows use, e.g. {@code set_password}. */
  String name();

  /** Runs the action; an expected failure is an outcome, not an exception. */
  Outcome run(String conversationId, Map<String, String> parameters);

  /**
   * @param data readable by later steps as {@code {{step.key}}}; on failure {@code reason} says why
   * @param shown replies the action itself shows the user (the tickets it found), in that order
   */
  record Outcome(boolean ok, Map<String, String> data, List<Reply> shown) {
    public Outcome {
      data = Map.copyOf(data);
      shown = List.copyOf(shown);
    }

    public Outcome(boolean ok, Map<String, String> data) {
      this(ok, data, List.of());
    }

    public static Outcome ok(Map<String, String> data) {
      return new Outcome(true, data);
    }

    /** Done, and the user sees {@code reply}: what an action found, in a reply of its own type. */
    public static Outcome showing(Reply reply, Map<String, String> data) {
      return new Outcome(true, data, List.of(reply));
    }

    public static Outcome failed(String reason) {
      return new Outcome(false, Map.of("reason", reason));
    }

    public static Outcome failed(String reason, Map<String, String> more) {
      var data = new HashMap<>(more);
      data.put("reason", reason);
      return new Outcome(false, data);
    }
  }
}
