package io.tierzero.bot.tickets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import java.util.Map;

/**
 * How tickets are routed.
 *
 * @param defaultCategory the category when neither a flow nor an article gave one
 * @param defaultQueue the queue of {@code defaultCategory}
 * @param queues Tier 1 queue by category (front matter {@code category}); a category not listed is
 *     its own queue, so routing works with no configuration at all
 */
@ConfigurationProperties(TicketsConfiguration.PREFIX)
public record TicketsConfiguration(
    @Bindable(defaultValue = "general") String defaultCategory,
    @Bindable(defaultValue = "service-desk") String defaultQueue,
    @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
        Map<String, String> queues) {
  public static final String PREFIX = "tierzero.tickets";

  public TicketsConfiguration {
    queues = queues == null ? Map.of() : Map.copyOf(queues);
  }

  String queueOf(String category) {
    var mapped = queues.get(category);
    if (mapped != null && !mapped.isBlank()) return mapped;
    return category.equals(defaultCategory) ? defaultQueue : category;
  }
}
