package io.tierzero.bot.chat;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Order;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.bot.kb.ArticleHtml;
import io.tierzero.bot.kb.ArticleSearch;
import io.tierzero.kb.search.SearchHit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers from the knowledge base, trusting the ranker's decision: a confident answer shows the
 * best article(s), two close candidates get a clarifying choice, and otherwise the bot says so
 * rather than showing the least-bad article.
 */
@Singleton
@Order(HandlerOrder.KNOWLEDGE_BASE)
public final class KnowledgeBaseHandler implements Handler {
  private final ArticleSearch search;
  private final ArticleHtml html;
  private final ChatConfiguration config;
  private final Handoffs handoffs;
  private final MessageSource messages;

  @Inject
  public KnowledgeBaseHandler(
      ArticleSearch search,
      ArticleHtml html,
      ChatConfiguration config,
      Handoffs handoffs,
      MessageSource messages) {
    this.search = search;
    this.html = html;
    this.config = config;
    this.handoffs = handoffs;
    this.messages = messages;
  }

  /** Without tickets: a handoff is the configured text alone. */
  public KnowledgeBaseHandler(
      ArticleSearch search, ArticleHtml html, ChatConfiguration config, MessageSource messages) {
    this(search, html, config, Handoffs.plain(config), messages);
  }

  @Override
  public boolean canHandle(TurnContext context) {
    return true;
  }

  @Override
  public List<Reply> handle(TurnContext context) {
    // A clarifying question needs two articles, an answer at most maxArticles.
    var result = search.search(context.text(), Math.max(2, config.maxArticles()));
    var hits = result.hits();
    return switch (result.decision()) {
      case ANSWER -> hits.isEmpty() ? noAnswer(context) : List.of(answer(hits));
      case CLARIFY -> hits.size() < 2 ? List.of(answer(hits)) : List.of(clarify(hits));
      case ABSTAIN -> noAnswer(context);
    };
  }

  private Reply answer(List<SearchHit> hits) {
    var articles = new ArrayList<ArticleLink>();
    articles.add(link(hits.get(0)));
    for (int i = 1; i < hits.size() && articles.size() < config.maxArticles(); i++) {
      if (hits.get(i).confidence() >= config.alsoShowConfidence()) articles.add(link(hits.get(i)));
    }
    var text =
        articles.size() == 1
            ? Messages.text(messages, "chat.answer.one", hits.get(0).title())
            : Messages.text(messages, "chat.answer.many", hits.get(0).title());
    return new Reply(
        ReplyType.ANSWER, text, articles, List.of(Options.THAT_WORKED, Options.TALK_TO_PERSON));
  }

  private Reply clarify(List<SearchHit> hits) {
    var first = hits.get(0);
    var second = hits.get(1);
    return new Reply(
        ReplyType.CLARIFY,
        Messages.text(messages, "chat.clarify"),
        List.of(link(first), link(second)),
        List.of(first.title(), second.title(), Options.SOMETHING_ELSE));
  }

  private List<Reply> noAnswer(TurnContext context) {
    var noAnswer =
        new Reply(
            ReplyType.NO_ANSWER,
            Messages.text(messages, "chat.no-answer"),
            List.of(),
            List.of(Options.REPHRASE, Options.TALK_TO_PERSON));
    // This is the second miss in a row (by default): stop making the user guess keywords.
    if (context.noAnswerStreak() + 1 >= config.noAnswersBeforeHandoff()) {
      return List.of(noAnswer, handoffs.offer(context, Handoffs.Trigger.NO_ANSWERS));
    }
    return List.of(noAnswer);
  }

  private ArticleLink link(SearchHit hit) {
    return new ArticleLink(
        hit.id(),
        hit.title(),
        html.snippet(hit.snippet()),
        ArticleHtml.pageUrl(hit.id()),
        hit.confidence(),
        // Answer cards carry the guided fix so the widget can offer "Fix it for me" on the card.
        hit.flow(),
        hit.category());
  }
}
