package io.tierzero.bot.flows;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Guided fixes. The emailed codes' settings share the prefix ({@code
 * io.tierzero.bot.identity.CodeConfiguration}).
 *
 * @param dir the flow files; empty means {@code flows/} under {@code tierzero.kb.articles-dir}
 * @param expireAfter a flow nobody answers for this long is abandoned: the user's next message is a
 *     new question, not an answer
 * @param reportTo who the code email tells the reader to contact when they did not ask for it
 */
@ConfigurationProperties(FlowsConfiguration.PREFIX)
public record FlowsConfiguration(
    @Bindable(defaultValue = "") String dir,
    @Bindable(defaultValue = "30m") Duration expireAfter,
    @Bindable(defaultValue = "the IT Service Desk") String reportTo) {
  public static final String PREFIX = "tierzero.flows";
}
