package io.tierzero.bot.pages;

import io.micronaut.context.MessageSource;
import io.tierzero.bot.i18n.Messages;
import io.tierzero.kb.search.Snippets;
import jakarta.inject.Singleton;

/**
 * A page's words from the message bundles, passed to a template as {@code t}: {@code
 * ${t.get("kb.search.button")}} is escaped like any value; {@code $unsafe{t.html("kb.search.none",
 * query)}} is for a text with markup of our own around a value, which is escaped here instead.
 */
@Singleton
public final class Words {
  private final MessageSource messages;

  public Words(MessageSource messages) {
    this.messages = messages;
  }

  public String get(String key, Object... args) {
    return Messages.text(messages, key, args);
  }

  /** The bundle's text as markup, with every argument escaped for HTML. */
  public String html(String key, Object... args) {
    var escaped = new Object[args.length];
    for (int i = 0; i < args.length; i++) escaped[i] = Snippets.escape(String.valueOf(args[i]));
    return Messages.text(messages, key, escaped);
  }
}
