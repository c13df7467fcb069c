package io.tierzero.bot.redirect;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * A non-IT topic and where to send people who ask about it, configured under {@code
 * tierzero.redirect.topics.<name>}.
 *
 * @param keywords words or phrases that mark a message as this topic (whole words, any case)
 * @param reply what the bot says instead of answering: the right channel
 */
@EachProperty("tierzero.redirect.topics")
public record RedirectTopic(@Parameter String name, List<String> keywords, String reply) {}
