package io.tierzero.bot.intents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.ReplyType;
import io.tierzero.bot.kb.Articles;
import io.tierzero.kb.parse.Article;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every article's own {@code questions:}, each the first message of a new conversation through the
 * chat API, gets that article first, or the flow the article offers: no intent, redirect or other
 * article may take a question an article was written for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleQuestionsReplayTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject Articles articles;

  @Override
  public Map<String, String> getProperties() {
    return RealKnowledgeBase.properties();
  }

  @Test
  void every_article_question_gets_its_article_or_its_flow_first() {
    List<String> wrong = new ArrayList<>();
    int asked = 0;
    for (Article article : articles.all()) {
      String flow = Articles.flow(article);
      for (String question : article.questions()) {
        asked++;
        var reply = RealKnowledgeBase.first(client, question).replies().get(0);
        boolean right =
            (Set.of(ReplyType.ANSWER, ReplyType.CLARIFY).contains(reply.type())
                    && reply.articles().get(0).id().equals(article.id()))
                || (reply.type() == ReplyType.FLOW_STEP
                    && reply.flow() != null
                    && reply.flow().equals(flow));
        if (!right) {
          wrong.add(
              article.id()
                  + ": '"
                  + question
                  + "' -> "
                  + reply.type()
                  + (reply.articles().isEmpty() ? "" : " " + reply.articles().get(0).id())
                  + (reply.flow() == null ? "" : " flow " + reply.flow())
                  + " "
                  + reply.text());
        }
      }
    }
    assertTrue(asked >= 200, "questions asked: " + asked);
    assertEquals(List.of(), wrong);
  }
}
