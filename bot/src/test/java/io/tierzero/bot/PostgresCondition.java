package io.tierzero.bot;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides {@link RequiresPostgres} before the class starts anything: one connection attempt per
 * JVM.
 */
final class PostgresCondition implements ExecutionCondition {
  /** Empty when reachable, else why not; asked once, so a dead server costs one timeout. */
  private static volatile Optional<String> unreachable;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    var problem = problem();
    if (problem.isEmpty())
      return ConditionEvaluationResult.enabled("PostgreSQL at " + Postgres.URL + " is reachable");
    if (Postgres.required()) {
      return ConditionEvaluationResult.enabled(
          "TIERZERO_REQUIRE_POSTGRES=true: run, and fail, without PostgreSQL");
    }
    return ConditionEvaluationResult.disabled(
        problem.get()
            + " (start PostgreSQL on 127.0.0.1:5432, database 'test', or set"
            + " TIERZERO_TEST_POSTGRES_URL; TIERZERO_REQUIRE_POSTGRES=true fails instead of"
            + " skipping)");
  }

  private static Optional<String> problem() {
    var known = unreachable;
    if (known != null) return known;
    synchronized (PostgresCondition.class) {
      if (unreachable == null) {
        try (var connection =
            DriverManager.getConnection(Postgres.URL, Postgres.USER, Postgres.PASSWORD)) {
          unreachable = Optional.empty();
        } catch (SQLException e) {
          unreachable =
              Optional.of("PostgreSQL at " + Postgres.URL + " is not reachable: " + e.getMessage());
        }
      }
      return unreachable;
    }
  }
}
