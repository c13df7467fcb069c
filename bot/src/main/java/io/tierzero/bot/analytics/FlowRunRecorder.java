package io.tierzero.bot.analytics;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.ObjectMapper;
import io.tierzero.bot.flows.FlowProgress;
import io.tierzero.bot.ids.Ids;
import io.tierzero.bot.json.JsonColumns;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps one row per guided fix run from the flows' progress events, in the turn's transaction (the
 * turn holds the conversation's row lock, so a write from another transaction would wait for it
 * forever).
 */
@Singleton
class FlowRunRecorder {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final FlowRunRepository runs;
  private final ObjectMapper json;

  FlowRunRecorder(FlowRunRepository runs, ObjectMapper json) {
    this.runs = runs;
    this.json = json;
  }

  @EventListener
  void onProgress(FlowProgress progress) {
    var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var current =
        progress.started()
            ? Optional.<FlowRunRecord>empty()
            : runs.findFirstByConversationIdAndFlowIdAndOutcomeOrderByStartedAtDesc(
                progress.conversationId(), progress.flowId(), FlowRunRecord.RUNNING);
    // Steps accumulate over turns: "back" removes a question from the flow's history, not from
    // how far the user got.
    var steps = new LinkedHashSet<String>(current.map(r -> read(r.steps())).orElse(List.of()));
    steps.addAll(progress.stepsReached());
    int ok = (int) progress.actions().stream().filter(a -> "ok".equals(a.outcome())).count();
    var record =
        new FlowRunRecord(
            current.map(FlowRunRecord::id).orElseGet(() -> Ids.newId()),
            progress.conversationId(),
            progress.flowId(),
            write(List.copyOf(steps)),
            progress.stepId(),
            progress.outcome() == null ? FlowRunRecord.RUNNING : progress.outcome(),
            ok,
            progress.actions().size() - ok,
            userKey(progress.answers()).orElse(current.map(FlowRunRecord::userKey).orElse(null)),
            current.map(FlowRunRecord::startedAt).orElse(now),
            now);
    if (current.isPresent()) runs.update(record);
    else runs.save(record);
  }

  /**
   * SHA-256 of the lower-cased email address, so the same user is recognised without keeping it.
   */
  static String userKey(String email) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256")
              .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static Optional<String> userKey(Map<String, String> answers) {
    return answers.values().stream()
        .filter(v -> v != null && EMAIL.matcher(v.strip()).matches())
        .findFirst()
        .map(FlowRunRecorder::userKey);
  }

  private List<String> read(String steps) {
    return JsonColumns.readIfValid(json, FlowRunRecord.STEPS, steps, String[].class)
        .map(List::of)
        .orElse(List.of());
  }

  private String write(List<String> steps) {
    return JsonColumns.write(json, FlowRunRecord.STEPS, steps);
  }
}
