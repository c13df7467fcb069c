package io.tierzero.bot.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  @Test
  void a_written_value_reads_back() {
    var text = JsonColumns.write(JSON, "flow_run.steps", List.of("ask", "check"));

    assertEquals("[\"ask\",\"check\"]", text);
    assertArrayEquals(
        new String[] {"ask", "check"},
        JsonColumns.read(JSON, "flow_run.steps", text, String[].class));
    assertEquals(
        Map.of("a", "b"),
        JsonColumns.read(
            JSON,
            "escalation.ratings",
            "{\"a\":\"b\"}",
            Argument.mapOf(String.class, String.class)));
  }

  @Test
  void an_unreadable_value_is_an_error_naming_the_column() {
    var error =
        assertThrows(
            UncheckedIOException.class,
            () -> JsonColumns.read(JSON, "flow_state.data", "{not json", String[].class));

    assertTrue(
        error.getMessage().startsWith("Unreadable JSON in flow_state.data: "), error::getMessage);
  }

  @Test
  void a_json_null_is_an_error_naming_the_column() {
    var error =
        assertThrows(
            UncheckedIOException.class,
            () -> JsonColumns.read(JSON, "flow_state.data", "null", String[].class));

    assertTrue(error.getMessage().contains("flow_state.data"), error::getMessage);
  }

  @Test
  void a_missing_value_is_refused_naming_the_column() {
    var error =
        assertThrows(
            NullPointerException.class,
            () -> JsonColumns.read(JSON, "flow_state.data", null, String[].class));

    assertTrue(error.getMessage().contains("flow_state.data"), error::getMessage);
  }

  @Test
  void read_if_valid_is_empty_for_nothing_and_for_what_does_not_read() {
    assertTrue(JsonColumns.readIfValid(JSON, "flow_run.steps", null, String[].class).isEmpty());
    assertTrue(JsonColumns.readIfValid(JSON, "flow_run.steps", " ", String[].class).isEmpty());
    assertTrue(JsonColumns.readIfValid(JSON, "flow_run.steps", "{bad", String[].class).isEmpty());
    assertArrayEquals(
        new String[] {"ask"},
        JsonColumns.readIfValid(JSON, "flow_run.steps", "[\"ask\"]", String[].class).orElseThrow());
  }
}
