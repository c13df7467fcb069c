package io.tierzero.bot.channels.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the channel's mailbox over IMAP every {@code poll-interval}: each unread mail is answered
 * or left alone ({@link IgnoredMail}), then marked read. A mail is marked read only after its turn
 * committed and its reply went out, so one that failed is tried again at the next poll; one taken
 * by another instance meanwhile is recognised by its Message-ID and not answered twice. Reading a
 * mail does not mark it read by itself ({@code peek}).
 */
@Singleton
@Requires(property = EmailChannelConfiguration.PREFIX + ".imap-host")
class MailboxPoller {
  private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

  /** Mails taken per poll: a flood waits for the next polls rather than holding one for minutes. */
  static final int MAX_PER_POLL = 50;

  /**
   * IMAP connect and read timeout, in milliseconds: a stuck server must not stop the polling for
   * good.
   */
  static final int TIMEOUT_MILLIS = 20_000;

  private final EmailChannelConfiguration config;
  private final EmailAdapter adapter;
  private final ThreadReplies replies;

  MailboxPoller(EmailChannelConfiguration config, EmailAdapter adapter, ThreadReplies replies) {
    this.config = config;
    this.adapter = adapter;
    this.replies = replies;
    if (config.allowedDomains().isEmpty()) {
      LOG.warn(
          "{}.allowed-domains is empty: the email channel answers no one",
          EmailChannelConfiguration.PREFIX);
    }
  }

  @Scheduled(
      fixedDelay =
          "${"
              + EmailChannelConfiguration.PREFIX
              + ".poll-interval:"
              + EmailChannelConfiguration.DEFAULT_POLL_INTERVAL
              + "}",
      initialDelay = "1s")
  synchronized void poll() {
    var protocol = config.imapSsl() ? "imaps" : "imap";
    var props = new Properties();
    props.put("mail." + protocol + ".peek", "true");
    props.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
    props.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
    props.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
    Store store = null;
    Folder folder = null;
    try {
      store = Session.getInstance(props).getStore(protocol);
      store.connect(config.imapHost(), config.imapPort(), config.username(), config.password());
      folder = store.getFolder(config.mailbox());
      folder.open(Folder.READ_WRITE);
      var unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
      long validity = folder instanceof UIDFolder uids ? uids.getUIDValidity() : 0;
      for (int i = 0; i < Math.min(unread.length, MAX_PER_POLL); i++) {
        take(folder, validity, unread[i]);
      }
    } catch (MessagingException e) {
      LOG.warn(
          "Reading the mailbox {} on {} failed: {}",
          config.mailbox(),
          config.imapHost(),
          e.getMessage());
    } finally {
      close(folder, store);
    }
  }

  private void take(Folder folder, long validity, Message message) {
    InboundMail mail;
    try {
      long uid =
          folder instanceof UIDFolder uids ? uids.getUID(message) : message.getMessageNumber();
      mail = InboundMail.read((MimeMessage) message, "uid:" + validity + ":" + uid);
    } catch (FolderClosedException | StoreClosedException e) {
      LOG.warn(
          "The mailbox closed while reading mail {}: trying again at the next poll",
          message.getMessageNumber());
      return;
    } catch (MessagingException | IOException | RuntimeException e) {
      // A mail that cannot be parsed never will be: left unread it would fail every poll.
      LOG.warn(
          "Mail {} is unreadable and is not answered: {}",
          message.getMessageNumber(),
          e.toString());
      markRead(message);
      return;
    }
    try {
      var ignored = IgnoredMail.reason((MimeMessage) message, mail, config, replies.address());
      if (ignored.isPresent()) {
        LOG.info("Mail {} not answered: {}", OwnMessageIds.hash(mail.messageId()), ignored.get());
      } else {
        adapter.take(mail).ifPresent(adapter::deliver);
      }
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException | RuntimeException e) {
      // Left unread: the next poll tries it again.
      LOG.warn(
          "Mail {} not taken, trying again at the next poll: {}",
          message.getMessageNumber(),
          e.toString());
    }
  }

  private static void markRead(Message message) {
    try {
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException e) {
      LOG.debug("Marking mail {} read failed: {}", message.getMessageNumber(), e.getMessage());
    }
  }

  private static void close(Folder folder, Store store) {
    try {
      if (folder != null && folder.isOpen()) folder.close(false);
      if (store != null) store.close();
    } catch (MessagingException e) {
      LOG.debug("Closing the mailbox failed: {}", e.getMessage());
    }
  }
}
