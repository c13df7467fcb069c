package io.tierzero.bot.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * Why an answer was rated down. A fixed list rather than free text: it is what agents can act on
 * (fix the ranking, update the article, rewrite it, escalate the fix), it counts cleanly, and
 * nobody types personal data into it. In JSON: {@code wrong_article}, {@code outdated}, ...
 */
@Serdeable
public enum Reason {
  /** The bot offered an article about something else. */
  WRONG_ARTICLE,
  /** The article is about the right thing but no longer true. */
  OUTDATED,
  /** The article is hard to follow. */
  UNCLEAR,
  /** The steps were followed and the problem remains. */
  DIDNT_WORK;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Lenient: {@code wrong_article}, {@code "Wrong article"}, {@code "didn't work"} all parse. */
  @JsonCreator
  public static Reason fromJson(String value) {
    var key = value.strip().toUpperCase(Locale.ROOT).replace("'", "").replaceAll("[\\s-]+", "_");
    return valueOf(key);
  }
}
