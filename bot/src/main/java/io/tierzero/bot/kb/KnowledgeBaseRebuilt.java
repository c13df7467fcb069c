package io.tierzero.bot.kb;

import io.tierzero.kb.BuildReport;

/**
 * Published after the watcher rebuilt the knowledge base, so that what else is read from the
 * articles folder (the flows) follows the same edit without the kb package knowing about it.
 */
public record KnowledgeBaseRebuilt(BuildReport report) {}
