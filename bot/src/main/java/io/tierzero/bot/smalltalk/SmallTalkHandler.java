package io.tierzero.bot.smalltalk;

import io.micronaut.core.annotation.Order;
import io.tierzero.bot.chat.Handler;
import io.tierzero.bot.chat.HandlerOrder;
import io.tierzero.bot.chat.Options;
import io.tierzero.bot.chat.Reply;
import io.tierzero.bot.chat.TurnContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Greetings, thanks, "that worked" and the like, answered briefly. Only whole messages count:
 * "hi, my VPN drops every hour" is a question and goes to the knowledge base.
 */
@Singleton
@Order(HandlerOrder.SMALL_TALK)
public final class SmallTalkHandler implements Handler {

  /** Kinds of small talk, each a pattern over the whole normalised message and a short answer. */
  enum Kind {
    GREETING(
        "(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day))"
            + "( there| all| everyone| bot| team| tier zero)?",
        "Hi! I'm Tier Zero, the IT help bot. Tell me what's wrong in a sentence, for example"
            + " \"I can't connect to the VPN\"."),
    THANKS(
        "((ok|okay|great|perfect|cool|brilliant|awesome|nice) )?"
            + "(thanks|thank you|thx|ty|cheers|ta|many thanks)"
            + "( so much| a lot| very much| again| for your help| for the help)?",
        "You're welcome! Anything else I can help with?"),
    WORKED(
        "((great|yes|yay|ok|okay|brilliant|perfect|awesome|nice) )?"
            + "((that|it|this) (worked|works|fixed it|did it|did the trick|helped|solved it)"
            + "|(problem|issue) (solved|fixed|sorted)|solved|fixed|sorted|all good|it works now"
            + "|working now|works now)( now)?( thanks| thank you)?",
        "Great, glad that fixed it! Anything else?"),
    NOT_WORKED(
        "((that|it|this) (did not|didn t|didnt|does not|doesn t|doesnt) (work|help|fix it))"
            + "|still (not working|broken|doesn t work)|not fixed|no luck",
        "Sorry that didn't fix it. You can describe the problem in more detail, or talk to a"
            + " person.",
        Options.REPHRASE,
        Options.TALK_TO_PERSON),
    REPHRASE(
        "let me rephrase|i ll rephrase|rephrase|something else|none of these|none of them"
            + "|neither|neither of them",
        "Sure: describe the problem in other words, for example what you were trying to do and"
            + " what you saw."),
    BYE("(bye|goodbye|bye bye|see you|see ya|cya)( now| then| thanks)?", "Bye! Come back any time.");

    final Pattern pattern;
    final String answer;
    final List<String> options;

    Kind(String regex, String answer, String... options) {
      this.pattern = Pattern.compile(regex);
      this.answer = answer;
      this.options = List.of(options);
    }
  }

  static Optional<Kind> classify(String normalized) {
    for (var kind : Kind.values()) {
      if (kind.pattern.matcher(normalized).matches()) return Optional.of(kind);
    }
    return Optional.empty();
  }

  @Override
  public boolean canHandle(TurnContext context) {
    return classify(context.normalized()).isPresent();
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    var kind = classify(context.normalized()).orElseThrow();
    return List.of(Reply.text(kind.answer, kind.options.toArray(String[]::new)));
  }
}
