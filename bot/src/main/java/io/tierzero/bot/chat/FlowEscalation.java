package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a flow hands to a person when it ends in {@code escalate}, passed to {@link FlowHandoff},
 * which keeps it. Never holds a secret or a one-time code.
 *
 * @param stepReached the step the flow was on when it escalated
 * @param context the non-secret answers and the actions' outcomes
 */
@Serdeable
public record FlowEscalation(
    String conversationId,
    String flowId,
    String flowTitle,
    String stepReached,
    @Nullable String category,
    @Nullable String priority,
    @Nullable String reason,
    Context context) {

  /**
   * @param answers question id to answer, in the order asked; secret answers are left out
   * @param actions what each action did, in order
   * @param tried what the user was asked and did, as lines for a person to read
   */
  @Serdeable
  public record Context(
      Map<String, String> answers, List<ActionOutcome> actions, List<String> tried) {
    public Context {
      answers =
          answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
      actions = actions == null ? List.of() : List.copyOf(actions);
      tried = tried == null ? List.of() : List.copyOf(tried);
    }
  }

  /**
   * @param outcome {@code ok} or {@code failed}
   * @param detail the failure reason, e.g. {@code wrong}; empty when ok
   */
  @Serdeable
  public record ActionOutcome(String step, String action, String outcome, String detail) {
    public ActionOutcome {
      // Empty strings are left out of the stored JSON, so they read back as null.
      detail = detail == null ? "" : detail;
    }
  }
}
