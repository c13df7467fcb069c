package io.tierzero.bot;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Decides {@link RequiresBrowser} before the class starts a bot or a browser. */
final class BrowserCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    var missing = Browser.missing();
    if (missing.isEmpty())
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    if (Browser.required()) {
      return ConditionEvaluationResult.enabled(
          "TIERZERO_REQUIRE_BROWSER=true: run, and fail, without a browser");
    }
    return ConditionEvaluationResult.disabled(
        missing.get() + " (TIERZERO_REQUIRE_BROWSER=true fails instead of skipping)");
  }
}
