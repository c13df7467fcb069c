package io.tierzero.bot.i18n;

import io.micronaut.context.MessageSource;
import java.util.HashMap;
import java.util.Locale;

/**
 * Where user-facing texts are read: one bundle per feature package, {@code
 * i18n/<package>.properties}, each registered by its package's factory and all seen through
 * Micronaut's composite {@link MessageSource}.
 */
public final class Messages {
  /**
   * The language of every reply for now: the widget translates only its own strings and does not
   * tell the bot which language it shows, so the bot has nothing better to go by.
   */
  public static final Locale LOCALE = Locale.ENGLISH;

  private Messages() {}

  /**
   * The text under {@code key}, with {@code {0}}, {@code {1}}... replaced by {@code args} in order;
   * a doubled apostrophe stands for one, as in {@link java.text.MessageFormat}.
   */
  public static String text(MessageSource source, String key, Object... args) {
    var variables = new HashMap<String, Object>();
    for (int i = 0; i < args.length; i++) variables.put(String.valueOf(i), args[i]);
    return source.getRequiredMessage(key, MessageSource.MessageContext.of(LOCALE, variables));
  }
}
