package io.tierzero.bot.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that stalls: connections are accepted and then held, without a greeting, until the
 * test releases them; then they are forwarded to the real SMTP server behind. A sender that talks
 * to it inside a request holds that request for as long as the stall lasts.
 */
final class StalledSmtp implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger accepted = new AtomicInteger();

  StalledSmtp(int targetPort) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    Thread.ofPlatform().daemon().name("stalled-smtp").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections made so far, forwarded or still held. */
  int accepted() {
    return accepted.get();
  }

  void release() {
    released.countDown();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var client = server.accept();
        accepted.incrementAndGet();
        Thread.ofPlatform().daemon().name("stalled-smtp-hold").start(() -> forward(client));
      } catch (IOException e) {
        // Closed.
      }
    }
  }

  private void forward(Socket client) {
    try {
      released.await();
      var upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      pump(client, upstream);
      pump(upstream, client);
    } catch (IOException | InterruptedException e) {
      close(client);
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .name("stalled-smtp-pump")
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // One side went away.
              } finally {
                close(from);
                close(to);
              }
            });
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
  }
}
