package io.tierzero.bot.kb;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An article as the API returns it.
 *
 * @param html the body as sanitised HTML, internal links pointing at {@code /kb/{id}}
 * @param url the article's readable page
 */
@Serdeable
public record ArticleView(
    String id,
    String title,
    String summary,
    String category,
    List<String> tags,
    String updated,
    String owner,
    String url,
    String html) {}
