package io.tierzero.bot.analytics;

import io.tierzero.bot.analytics.Snapshot.Conv;
import io.tierzero.bot.analytics.Snapshot.Msg;
import io.tierzero.bot.chat.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user messages the bot treated as questions, and which of them were gaps: what the summary,
 * the content gaps and the incidents count.
 */
final class Questions {
  private static final Set<String> QUESTION_REPLIES = Set.of("answer", "clarify", "no_answer");

  private Questions() {}

  /** A user message the bot treated as a question, and whether it was a gap. */
  static final class Question {
    final String conversationId;
    final String text;
    final Instant at;
    boolean abstained;
    boolean ratedDown;
    final List<String> reasons = new ArrayList<>();

    Question(String conversationId, String text, Instant at) {
      this.conversationId = conversationId;
      this.text = text;
      this.at = at;
    }

    boolean gap() {
      return abstained || ratedDown;
    }
  }

  /** The questions asked in {@code conversations}, with their thumbs down. */
  static List<Question> of(List<Conv> conversations) {
    var out = new ArrayList<Question>();
    for (var c : conversations) {
      var messages = c.messages();
      // The question behind each bot reply: the user message just before it.
      var questionOf = new HashMap<String, Question>();
      Question last = null;
      for (int i = 0; i < messages.size(); i++) {
        var m = messages.get(i);
        if (m.fromUser()) {
          var next = i + 1 < messages.size() ? messages.get(i + 1) : null;
          last = null;
          // "???", "..." or an emoji alone asks nothing: not a question, so never a content gap.
          if (next != null
              && !next.fromUser()
              && QUESTION_REPLIES.contains(next.type())
              && !Texts.normalize(m.body()).isEmpty()) {
            last = new Question(c.id(), m.body(), m.at());
            last.abstained = "no_answer".equals(next.type());
            out.add(last);
          }
        } else if (last != null) {
          questionOf.put(m.id(), last);
        }
      }
      for (var vote : c.votes()) {
        if (vote.up()) continue;
        Question q = vote.messageId() == null ? null : questionOf.get(vote.messageId());
        if (q == null && vote.articleId() != null)
          q = lastOffering(messages, questionOf, vote.articleId());
        if (q != null) {
          q.ratedDown = true;
          if (vote.reason() != null) q.reasons.add(vote.reason());
        }
      }
    }
    return out;
  }

  private static Question lastOffering(
      List<Msg> messages, Map<String, Question> questionOf, String articleId) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      var m = messages.get(i);
      if (!m.fromUser() && m.articles().contains(articleId) && questionOf.containsKey(m.id()))
        return questionOf.get(m.id());
    }
    return null;
  }
}
