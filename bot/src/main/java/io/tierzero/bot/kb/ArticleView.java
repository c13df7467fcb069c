package io.tierzero.bot.kb;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An article as the API returns it.
 *
 * @param html the body as sanitised HTML, internal links pointing at {@code /kb/{id}}
 * @param url the article's readable page
 * @param flow the guided fix the article offers ("Fix it for me"), or null; start it by sending
 *     {@code start flow <flow>} as a chat message
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
    String html,
    @Nullable String flow) {}
