package io.tierzero.kb.search;

/** An article title offered while the user types. */
public record Suggestion(String id, String title) {}
