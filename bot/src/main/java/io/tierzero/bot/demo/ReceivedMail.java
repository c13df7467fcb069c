package io.tierzero.bot.demo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A message the embedded demo SMTP server received. */
@Serdeable
public record ReceivedMail(
    @Nullable String id,
    List<String> to,
    String from,
    String subject,
    String text,
    @Nullable Instant sentAt) {}
