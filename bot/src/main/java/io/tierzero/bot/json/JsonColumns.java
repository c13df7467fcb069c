package io.tierzero.bot.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values kept as JSON text in one database column ({@code chat_message.payload}, {@code
 * flow_state.data}, ...), read and written with the application's {@link ObjectMapper} so a column
 * holds what the API's JSON would. Every failure names the column: a stored value that no longer
 * reads is a data problem, and the column says where to look.
 */
public final class JsonColumns {
  private static final Logger LOG = LoggerFactory.getLogger(JsonColumns.class);

  private JsonColumns() {}

  /**
   * {@code value} as the JSON text to store in {@code column} ({@code table.column}).
   *
   * @throws UncheckedIOException naming the column when the value cannot be written
   */
  public static String write(ObjectMapper json, String column, Object value) {
    Objects.requireNonNull(value, () -> "value for " + column);
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + column + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The value stored in {@code column} as {@code type}.
   *
   * @throws UncheckedIOException naming the column when {@code text} is not a {@code type}
   */
  public static <T> T read(ObjectMapper json, String column, String text, Class<T> type) {
    return read(json, column, text, Argument.of(type));
  }

  /** Like {@link #read(ObjectMapper, String, String, Class)}, for generic types (a map, a list). */
  public static <T> T read(ObjectMapper json, String column, String text, Argument<T> type) {
    Objects.requireNonNull(text, () -> "JSON text of " + column);
    T value;
    try {
      value = json.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable JSON in " + column + ": " + e.getMessage(), e);
    }
    if (value == null)
      throw new UncheckedIOException(
          "Unreadable JSON in " + column + ": null", new IOException("null where a value belongs"));
    return value;
  }

  /**
   * The value stored in {@code column}, or empty when there is none or it does not read: for
   * readers that count over many rows (reports), where one unreadable row must not hide the rest.
   */
  public static <T> Optional<T> readIfValid(
      ObjectMapper json, String column, @Nullable String text, Class<T> type) {
    if (text == null || text.isBlank()) return Optional.empty();
    try {
      return Optional.of(read(json, column, text, type));
    } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
      LOG.debug("Skipped a value of {}: {}", column, e.getMessage());
      return Optional.empty();
    }
  }
}
