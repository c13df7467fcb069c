package io.tierzero.bot.chat;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Order;
import io.tierzero.bot.i18n.Messages;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The user picked one of the articles a clarifying question offered (by its title, as the quick
 * reply sends it, or by typing "1" or "2"): answer with that article without searching again.
 */
@Singleton
@Order(HandlerOrder.CLARIFY_CHOICE)
public final class ClarifyChoiceHandler implements Handler {
  private final MessageSource messages;

  public ClarifyChoiceHandler(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Optional<Answer> take(TurnContext context) {
    return chosen(context).map(article -> () -> answer(article));
  }

  private List<Reply> answer(ArticleLink article) {
    return List.of(
        new Reply(
            ReplyType.ANSWER,
            Messages.text(messages, "chat.clarify.chosen", article.title()),
            List.of(article),
            List.of(Options.THAT_WORKED, Options.TALK_TO_PERSON)));
  }

  private static Optional<ArticleLink> chosen(TurnContext context) {
    var previous = context.previousReply();
    if (previous == null || previous.type() != ReplyType.CLARIFY) return Optional.empty();
    var articles = previous.articles();
    for (int i = 0; i < articles.size(); i++) {
      var article = articles.get(i);
      if (context.normalized().equals(Texts.normalize(article.title()))
          || context.normalized().equals(String.valueOf(i + 1))) {
        return Optional.of(article);
      }
    }
    return Optional.empty();
  }
}
