package io.tierzero.bot;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A private schema on the PostgreSQL the machine runs (127.0.0.1:5432, database {@code test}), so
 * test runs never see each other's rows. Classes using it carry {@link RequiresPostgres}: when
 * PostgreSQL is unreachable they are reported skipped with the reason, unless {@code
 * TIERZERO_REQUIRE_POSTGRES=true} (set by {@code .ci/run}): then they fail, so CI never skips the
 * PostgreSQL half.
 */
public final class Postgres {
  public static final String URL =
      env("TIERZERO_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = env("TIERZERO_TEST_POSTGRES_USER", "postgres");
  public static final String PASSWORD = env("TIERZERO_TEST_POSTGRES_PASSWORD", "");

  private Postgres() {}

  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("TIERZERO_REQUIRE_POSTGRES"));
  }

  /** Creates a new empty schema and returns its name; fails, saying why, when unreachable. */
  public static String newSchema() {
    var schema =
        "tz_test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    try (var connection = DriverManager.getConnection(URL, USER, PASSWORD);
        var statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
      return schema;
    } catch (SQLException e) {
      var message = "PostgreSQL at " + URL + " is not reachable: " + e.getMessage();
      throw new IllegalStateException(
          message + (required() ? " (TIERZERO_REQUIRE_POSTGRES=true)" : ""), e);
    }
  }

  public static void dropSchema(String schema) {
    if (schema == null) return;
    try (var connection = DriverManager.getConnection(URL, USER, PASSWORD);
        var statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      // Best effort: a leftover schema is harmless and named as a test's.
    }
  }

  /**
   * {@code properties} with the default datasource moved to a new schema of its own, dropped when
   * the test JVM ends: what a test class that runs its H2 parent's tests on PostgreSQL needs.
   */
  public static Map<String, String> instead(Map<String, String> properties) {
    var schema = newSchema();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema)));
    var moved = new HashMap<>(properties);
    moved.putAll(properties(schema));
    return moved;
  }

  /** Bot properties pointing the default datasource at {@code schema}. */
  public static Map<String, String> properties(String schema) {
    var properties = new HashMap<String, String>();
    properties.put(
        "datasources.default.url",
        URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    properties.put("datasources.default.username", USER);
    properties.put("datasources.default.password", PASSWORD);
    return properties;
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
