package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;

/**
 * Published when a conversation starts, with where the user is: tickets keep the page and browser
 * so an agent sees them, and nothing in chat needs to know who listens.
 *
 * @param pageUrl the page the widget is on, as the widget reports it; may be absent
 * @param userAgent the browser's {@code User-Agent} header; may be absent
 */
public record ConversationStarted(
    String conversationId, @Nullable String pageUrl, @Nullable String userAgent) {}
