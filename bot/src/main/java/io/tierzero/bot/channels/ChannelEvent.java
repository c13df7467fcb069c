package io.tierzero.bot.channels;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An event a platform delivered: the channel's name, then the platform's event id. */
@MappedEntity("channel_event")
record ChannelEvent(@Id String id, Instant receivedAt) {}
