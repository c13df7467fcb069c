package io.tierzero.bot.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the chat reports to Prometheus: turns and their latency ({@code tierzero_chat_turn_seconds},
 * a histogram, so percentiles can be aggregated across instances) and replies by type ({@code
 * tierzero_chat_replies_total{type="answer"|"no_answer"|...}}: answers vs abstentions).
 */
@Singleton
final class ChatMetrics {
  private final Timer turns;
  private final Map<ReplyType, Counter> replies = new EnumMap<>(ReplyType.class);

  ChatMetrics(MeterRegistry registry) {
    this.turns =
        Timer.builder("tierzero.chat.turn")
            .description("One user message answered: handlers, retrieval and storage")
            .publishPercentileHistogram()
            .register(registry);
    for (var type : ReplyType.values()) {
      replies.put(
          type,
          Counter.builder("tierzero.chat.replies")
              .description("Bot replies by type")
              .tag("type", type.json())
              .register(registry));
    }
  }

  Timer.Sample start() {
    return Timer.start();
  }

  void turn(Timer.Sample sample, List<Reply> sent) {
    sample.stop(turns);
    for (var reply : sent) replies.get(reply.type()).increment();
  }
}
