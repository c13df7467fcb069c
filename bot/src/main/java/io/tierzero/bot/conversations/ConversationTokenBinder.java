package io.tierzero.bot.conversations;

import io.micronaut.core.bind.ArgumentBinder.BindingResult;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Binds {@link ConversationToken} parameters: the header's value, or 401 when it is missing. */
@Singleton
class ConversationTokenBinder implements AnnotatedRequestArgumentBinder<ConversationToken, String> {
  @Override
  public Class<ConversationToken> getAnnotationType() {
    return ConversationToken.class;
  }

  @Override
  public BindingResult<String> bind(
      ArgumentConversionContext<String> context, HttpRequest<?> source) {
    var token = source.getHeaders().get(ConversationToken.HEADER);
    if (token == null || token.isBlank()) {
      throw new HttpStatusException(
          HttpStatus.UNAUTHORIZED,
          "The "
              + ConversationToken.HEADER
              + " header is required: use the conversation's token"
              + " (the one POST /api/conversations answered)");
    }
    var value = token.strip();
    return () -> Optional.of(value);
  }
}
