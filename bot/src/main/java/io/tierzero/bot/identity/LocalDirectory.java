package io.tierzero.bot.identity;

/**
 * A directory running beside the bot, used when no {@code tierzero.directory.url} is configured:
 * the demo's in-memory one. Identity depends on this, not on the demo, so the demo can be left out.
 */
public interface LocalDirectory {
  /** Its LDAP URL, e.g. {@code ldap://127.0.0.1:10389}. */
  String url();
}
