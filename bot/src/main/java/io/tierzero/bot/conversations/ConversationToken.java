package io.tierzero.bot.conversations;

import io.micronaut.core.bind.annotation.Bindable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller parameter that receives the conversation's token from the {@value #HEADER} header. A
 * request without it is refused with 401 before the method runs ({@link ConversationTokenBinder}),
 * so the parameter is never null or blank; whether the token is the conversation's is for the
 * method to check.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
public @interface ConversationToken {
  String HEADER = "X-Conversation-Token";
}
