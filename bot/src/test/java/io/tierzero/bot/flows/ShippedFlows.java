package io.tierzero.bot.flows;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.tierzero.kb.flow.Flow;
import io.tierzero.kb.flow.Flows;
import io.tierzero.kb.flow.Step;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The flows in this repository and the flows' texts, for tests that need no running bot. */
final class ShippedFlows {
  private ShippedFlows() {}

  /** The shipped flow {@code id}, as agents wrote it in {@code articles/flows}. */
  static Flow flow(String id) {
    try {
      var loaded = Flows.load(FlowChat.FLOWS);
      if (!loaded.problems().isEmpty())
        throw new IllegalStateException(loaded.problems().toString());
      return loaded.get(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Step {@code stepId} of {@code flow}, of the kind the test expects. */
  static <S extends Step> S step(Flow flow, String stepId, Class<S> kind) {
    return kind.cast(flow.step(stepId).orElseThrow());
  }

  /** The texts of {@code i18n/flows.properties}, as the bot reads them. */
  static FlowTexts texts() {
    return new FlowTexts(new ResourceBundleMessageSource("i18n.flows"));
  }
}
