package io.tierzero.bot.tickets;

import io.micronaut.core.annotation.Nullable;
import io.tierzero.bot.kb.KbConfiguration;
import io.tierzero.kb.priority.PriorityTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a ticket's priority the way tiered support triages, by the knowledge base's priority table
 * ({@code articles/priorities.yaml}, read by {@link PriorityTable}): security or data risk first
 * (P1, act now: a phished password or a lost laptop gets worse by the minute), then how many people
 * are affected (P2), then whether the person is blocked from working (P3), otherwise P4. The more
 * urgent of the table's decision and the flow's own priority wins, and the reason names what
 * decided it.
 *
 * <p>The table is read again when its file changes (checked when a ticket is raised, which is
 * rare), so agents tune it in git without a release; an edit that does not validate is logged with
 * file and line and the table read before keeps deciding.
 */
@Singleton
public final class PriorityRules {
  private static final Logger LOG = LoggerFactory.getLogger(PriorityRules.class);

  /** A priority and why. */
  public record Decision(Priority priority, String reason) {}

  private final Path file;
  private final TicketTexts texts;
  private volatile @Nullable PriorityTable table;
  private volatile @Nullable FileTime readAt;

  @Inject
  PriorityRules(KbConfiguration kb, TicketTexts texts) {
    this(kb.articlesPath().resolve(PriorityTable.FILE), texts);
  }

  /** Rules from one table file; the reasons it gives itself are in the tickets' bundle. */
  PriorityRules(Path file, TicketTexts texts) {
    this.file = Objects.requireNonNull(file, "file");
    this.texts = Objects.requireNonNull(texts, "texts");
    reloadIfChanged();
    if (table == null)
      LOG.warn("No usable priority table at {}: every ticket is P4 until there is one", file);
  }

  /**
   * Decides from what the user wrote and, when a flow escalated, the flow's own priority and reason
   * (a flow knows, say, that a reported phishing email is a P1 whatever words were used).
   */
  public Decision decide(
      List<String> userTexts, @Nullable Priority flowPriority, @Nullable String flowReason) {
    var byTable = byTable(String.join("\n", userTexts));
    if (flowPriority != null && flowPriority.ordinal() < byTable.priority().ordinal()) {
      var why =
          flowReason == null || flowReason.isBlank()
              ? texts.get("tickets.priority.by-flow.no-reason")
              : flowReason.strip();
      return new Decision(flowPriority, texts.get("tickets.priority.by-flow", flowPriority, why));
    }
    return byTable;
  }

  private Decision byTable(String text) {
    reloadIfChanged();
    var current = table;
    if (current == null) return new Decision(Priority.P4, texts.get("tickets.priority.no-table"));
    var decision = current.decide(text);
    return new Decision(Priority.valueOf(decision.priority()), decision.reason());
  }

  private synchronized void reloadIfChanged() {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return; // no file (yet): keep what was read
    }
    if (modified.equals(readAt)) return;
    readAt = modified;
    var result = PriorityTable.parse(file);
    result.problems().forEach(p -> LOG.error("Priority table: {}", p));
    result
        .table()
        .ifPresent(
            t -> {
              if (t.rows().stream().anyMatch(r -> !isPriority(r.priority()))) {
                LOG.error(
                    "Priority table {}: only P1 to P4 are ticket priorities; keeping the table read"
                        + " before",
                    file);
                return;
              }
              table = t;
            });
  }

  private static boolean isPriority(String name) {
    try {
      Priority.valueOf(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
