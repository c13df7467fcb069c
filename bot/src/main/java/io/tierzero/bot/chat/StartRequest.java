package io.tierzero.bot.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The optional body of a new conversation. A record rather than a bound JSON property: binding one
 * property decoded the whole body into a tree first, recursively, so a body nested a few thousand
 * levels deep overflowed the stack; decoding a record skips unknown values without recursion.
 *
 * @param pageUrl the page the widget is on, kept with a ticket
 */
@Serdeable
public record StartRequest(@Nullable String pageUrl) {}
