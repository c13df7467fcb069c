package io.tierzero.bot.chat;

import io.tierzero.kb.KnowledgeBase;
import io.tierzero.kb.intent.Intent;
import io.tierzero.kb.intent.Intents;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that answer the bot's own questions and steer a guided fix ("yes", "cancel", "go back",
 * "a person"), from the knowledge base's intents ({@code articles/intents/answers.yaml}): agents
 * tune them like any intent. Matched as typed on {@link Texts#normalize} text, never by meaning.
 * Re-read whenever the knowledge base re-reads its intents.
 */
@Singleton
public final class AnswerWords {
  private record Words(
      Intents source,
      Map<Intent.Action, Set<String>> exact,
      Map<Intent.Action, Pattern> anywhere) {}

  private final KnowledgeBase kb;
  private volatile Words words;

  AnswerWords(KnowledgeBase kb) {
    this.kb = kb;
  }

  /** Whether the normalised message is one of {@code kind}'s words ("cancel", "go back"). */
  public boolean is(Intent.Action kind, String normalized) {
    return current().exact().getOrDefault(kind, Set.of()).contains(normalized);
  }

  /**
   * Whether the normalised message is, or starts with, one of {@code kind}'s words ("yes it is
   * on").
   */
  public boolean starts(Intent.Action kind, String normalized) {
    for (var w : current().exact().getOrDefault(kind, Set.of())) {
      if (normalized.equals(w) || normalized.startsWith(w + " ")) return true;
    }
    return false;
  }

  /**
   * Whether one of {@code kind}'s phrases is anywhere in the normalised message, as whole words.
   */
  public boolean mentions(Intent.Action kind, String normalized) {
    var pattern = current().anywhere().get(kind);
    return pattern != null && pattern.matcher(normalized).find();
  }

  private Words current() {
    var intents = kb.intents();
    var known = words;
    if (known != null && known.source() == intents) return known;
    var exact = new EnumMap<Intent.Action, Set<String>>(Intent.Action.class);
    var phrases = new EnumMap<Intent.Action, List<String>>(Intent.Action.class);
    for (var intent : intents.intents()) {
      if (!intent.action().asTyped()) continue;
      var set = exact.computeIfAbsent(intent.action(), k -> new HashSet<>());
      intent.examples().forEach(e -> set.add(Texts.normalize(e)));
      phrases.computeIfAbsent(intent.action(), k -> new ArrayList<>()).addAll(intent.examples());
    }
    var anywhere = new EnumMap<Intent.Action, Pattern>(Intent.Action.class);
    phrases.forEach((k, v) -> anywhere.put(k, Texts.anyPhrase(v)));
    var made = new Words(intents, exact, anywhere);
    words = made;
    return made;
  }
}
