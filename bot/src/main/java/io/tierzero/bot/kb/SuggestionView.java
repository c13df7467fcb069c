package io.tierzero.bot.kb;

import io.micronaut.serde.annotation.Serdeable;

/** An article title offered while the user types, with the page to open when chosen. */
@Serdeable
public record SuggestionView(String id, String title, String url) {}
