package io.tierzero.bot.mail;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail after the request that asked for it has been answered: a verification code for a real
 * account must not make the reply slower than for an unknown name (no mail), or the time would tell
 * who has an account. A failed send is tried again ({@value #ATTEMPTS} times in all, {@link
 * #FIRST_RETRY} apart, doubling), so a mail server's hiccup loses no code.
 *
 * <p>The queue lives in memory, not in the database like the tickets' outbox: a code mail holds the
 * code in clear, and the database only ever holds a code's hash. A mail still queued when the
 * process stops is waited for up to {@link #DRAIN}; one lost in a crash costs the user a new code.
 */
@Singleton
public class MailOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  static final int ATTEMPTS = 4;
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);

  /** How long stopping waits for queued mail; a code expires in minutes anyway. */
  static final Duration DRAIN = Duration.ofSeconds(30);

  private final MailSender sender;
  // One sender thread: mail goes out in order, and a flood of requests cannot open a flood of
  // connections to the mail server.
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("mail-outbox").factory());
  private final AtomicInteger pending = new AtomicInteger();

  public MailOutbox(MailSender sender) {
    this.sender = sender;
  }

  /** Whether there is a mail server at all; without one every mail would be dropped. */
  public boolean available() {
    return sender.available();
  }

  /** Queues {@code mail} and returns at once; it is sent on the outbox's thread. */
  public void send(OutgoingMail mail) {
    pending.incrementAndGet();
    executor.execute(
        () -> {
          try {
            deliver(mail);
          } finally {
            synchronized (pending) {
              pending.decrementAndGet();
              pending.notifyAll();
            }
          }
        });
  }

  private void deliver(OutgoingMail mail) {
    var wait = FIRST_RETRY;
    for (int attempt = 1; ; attempt++) {
      try {
        sender.send(mail);
        return;
      } catch (MailException e) {
        if (attempt == ATTEMPTS) {
          LOG.warn("Gave up sending {} after {} attempts: {}", mail, ATTEMPTS, e.getMessage());
          return;
        }
        LOG.info(
            "Sending {} failed (attempt {} of {}), trying again in {} s: {}",
            mail,
            attempt,
            ATTEMPTS,
            wait.toSeconds(),
            e.getMessage());
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("Stopped before {} could be sent", mail);
        return;
      }
      wait = wait.multipliedBy(2);
    }
  }

  /**
   * Waits until every queued mail was sent or given up on; false if {@code timeout} ran out first.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (pending) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        TimeUnit.NANOSECONDS.timedWait(pending, left);
      }
    }
    return true;
  }

  @PreDestroy
  void drain() throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("{} mail(s) still unsent at shutdown", pending.get());
      executor.shutdownNow();
    }
  }
}
