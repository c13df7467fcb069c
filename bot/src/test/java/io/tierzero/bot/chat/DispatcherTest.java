package io.tierzero.bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.core.order.Ordered;
import java.util.List;
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
}
