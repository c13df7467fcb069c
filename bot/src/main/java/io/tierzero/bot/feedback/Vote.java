package io.tierzero.bot.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** Thumbs up or down. In JSON and in the database: {@code up}, {@code down}. */
@Serdeable
public enum Vote {
  UP,
  DOWN;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Vote fromJson(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}
