package io.tierzero.bot.flows;

import io.tierzero.kb.flow.FlowChecker;
import java.util.regex.Matcher;

/** Fills a flow file's {@code {{name}}} references from what the run knows. */
final class FlowTemplates {
  private FlowTemplates() {}

  /**
   * For what the user and the record see: answers and action data; secrets are never among them,
   * and an unknown name is left empty.
   */
  static String render(String text, FlowRun run) {
    return FlowChecker.REFERENCE
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(run.values.getOrDefault(m.group(1), "")));
  }

  /**
   * For an action's parameters, which may also take the secrets typed this turn: they go to the
   * action and nowhere else.
   */
  static String renderParameter(String text, FlowRun run) {
    return FlowChecker.REFERENCE
        .matcher(text)
        .replaceAll(
            m -> {
              var name = m.group(1);
              var value =
                  run.secrets.containsKey(name)
                      ? run.secrets.get(name)
                      : run.values.getOrDefault(name, "");
              return Matcher.quoteReplacement(value);
            });
  }
}
