package io.tierzero.bot.kb;

/**
 * One search result on the knowledge-base page.
 *
 * @param snippetHtml the highlighted passage, already through {@link ArticleHtml#snippet}: only
 *     {@code <mark>} is left, so the page puts it in as it is
 */
public record HitView(String url, String title, String snippetHtml) {}
