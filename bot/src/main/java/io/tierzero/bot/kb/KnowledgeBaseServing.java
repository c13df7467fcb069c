package io.tierzero.bot.kb;

/**
 * Published once, on the thread that put the knowledge base in service at start, after health says
 * UP: what the first question needs can be made ready there instead of on that question.
 */
public record KnowledgeBaseServing() {}
