package io.tierzero.bot.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.tierzero.bot.Application;
import io.tierzero.bot.identity.DirectoryConfiguration;
import io.tierzero.bot.mail.LocalMailServer;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) inside the bot, so verification codes can be sent and read without
 * a mail system: demo only. Agents read what it received through {@link DemoMailController}. It
 * exists only in the demo environment, and not even there once a real directory is configured: its
 * users' codes must never land in a mailbox every agent can read.
 */
@Context
@Requires(env = Application.DEMO_ENVIRONMENT)
@Requires(missingProperty = DirectoryConfiguration.PREFIX + ".url")
@Requires(property = EmbeddedMailConfiguration.PREFIX + ".enabled", notEquals = "false")
public final class EmbeddedMailServer implements LocalMailServer, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final GreenMail greenMail;

  EmbeddedMailServer(EmbeddedMailConfiguration config) {
    var setup = new ServerSetup(config.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    greenMail = new GreenMail(config.port() == 0 ? setup.dynamicPort() : setup);
    greenMail.start();
    LOG.info("Embedded demo SMTP server listening on 127.0.0.1:{}", port());
  }

  @Override
  public int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Every message received, newest first. */
  public List<ReceivedMail> received() {
    var out = new ArrayList<ReceivedMail>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        Date sent = message.getSentDate();
        out.add(
            new ReceivedMail(
                message.getMessageID(),
                Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
                message.getFrom() == null || message.getFrom().length == 0
                    ? ""
                    : message.getFrom()[0].toString(),
                message.getSubject(),
                GreenMailUtil.getBody(message).strip(),
                sent == null ? null : sent.toInstant()));
      } catch (MessagingException e) {
        LOG.warn("Unreadable message in the demo mailbox: {}", e.getMessage());
      }
    }
    out.sort(
        Comparator.comparing(
                ReceivedMail::sentAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed());
    return out;
  }

  @Override
  @PreDestroy
  public void close() {
    greenMail.stop();
  }
}
