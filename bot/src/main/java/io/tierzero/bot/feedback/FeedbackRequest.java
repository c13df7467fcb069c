package io.tierzero.bot.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A vote from the widget: on a bot reply ({@code messageId}), on an article ({@code articleId}), or
 * on an article as a reply offered it (both).
 *
 * @param messageId the id of the rated bot reply, as the chat API returned it
 * @param articleId the rated article's id
 * @param vote {@code up} or {@code down}
 * @param reason why it was rated down: {@code wrong_article}, {@code outdated}, {@code unclear},
 *     {@code didnt_work}; optional
 */
@Serdeable
public record FeedbackRequest(
    @Nullable @Size(max = 36) String messageId,
    @Nullable @Size(max = 200) String articleId,
    @NotNull Vote vote,
    @Nullable Reason reason) {}
