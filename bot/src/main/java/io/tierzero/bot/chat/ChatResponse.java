package io.tierzero.bot.chat;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The bot's replies to one user message, in the order to show them. */
@Serdeable
public record ChatResponse(List<BotMessage> replies) {}
