package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.order.Ordered;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private record Fixed(int order, boolean can, String text) implements Handler, Ordered {
    @Override
    public boolean canHandle(TurnContext context) {
      return can;
    }

    @Override
    public List<Reply> handle(TurnContext context) {
      return List.of(Reply.text(text));
    }

    @Override
    public int getOrder() {
      return order;
    }
  }

  @Test
  void the_first_handler_in_order_that_can_handle_the_message_answers_it() {
    var dispatcher =
        new Dispatcher(
            List.of(
                new Fixed(HandlerOrder.KNOWLEDGE_BASE, true, "kb"),
                new Fixed(HandlerOrder.INTENT, true, "small talk"),
                new Fixed(HandlerOrder.RUNNING_FLOW, false, "flow")));

    var replies = dispatcher.dispatch(TurnContext.of("c", "hello", 0, null));

    assertEquals("small talk", replies.get(0).text());
  }

  /** Decides by reading (a counter stands in for the rows) and answers from what it read. */
  private static final class Reading implements Handler {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<Answer> take(TurnContext context) {
      var read = "row " + reads.incrementAndGet();
      return Optional.of(() -> List.of(Reply.text(read)));
    }
  }

  @Test
  void a_handler_that_takes_the_message_reads_once_for_deciding_and_answering() {
    var reading = new Reading();

    var replies = new Dispatcher(List.of(reading)).dispatch(TurnContext.of("c", "hello", 0, null));

    assertEquals("row 1", replies.get(0).text());
    assertEquals(1, reading.reads.get());
  }
}
