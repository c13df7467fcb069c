package io.tierzero.kb.flow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guided fix: an ordered list of steps the bot walks the user through. Flows are data ({@code
 * articles/flows/*.yaml}), written by agents next to the articles they fix.
 *
 * @param id the file name without {@code .yaml}; what an article's {@code flow:} names
 * @param triggers how people ask for the flow: the examples of the intent that starts it, matched
 *     by meaning ({@link io.tierzero.kb.intent.Intents})
 * @param escalation the category and priority an {@code escalate} end uses unless it names its own
 * @param steps in file order; the first is where the flow starts
 * @param source the file it came from, or {@code null} for flows built in memory
 */
public record Flow(
    String id,
    String title,
    List<String> triggers,
    Escalation escalation,
    List<Step> steps,
    Path source) {

  public Flow {
    triggers = List.copyOf(triggers);
    steps = List.copyOf(steps);
  }

  /** Where an escalation goes when the end step does not say. */
  public record Escalation(String category, String priority) {}

  public Step first() {
    return steps.get(0);
  }

  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }

  /** Steps by id, in file order. */
  public Map<String, Step> byId() {
    var map = new LinkedHashMap<String, Step>();
    steps.forEach(s -> map.putIfAbsent(s.id(), s));
    return map;
  }
}
