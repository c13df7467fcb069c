package io.tierzero.kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small knowledge bases written into a temporary folder for tests. */
public final class TestKb {
  private TestKb() {}

  public static Path write(Path dir, String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  public static String article(
      String id, String title, String category, String body, String... questions) {
    StringBuilder text = new StringBuilder("---\n");
    text.append("id: ").append(id).append('\n');
    text.append("title: ").append(title).append('\n');
    text.append("category: ").append(category).append('\n');
    text.append("questions:\n");
    for (String q : questions) text.append("  - ").append(q).append('\n');
    text.append("---\n\n# ").append(title).append("\n\n").append(body).append('\n');
    return text.toString();
  }

  /** Four articles on distinct topics, and a synonym file. */
  public static Path sample(Path dir) throws IOException {
    write(
        dir,
        "accounts/reset-password.md",
        article(
            "reset-password",
            "Reset a forgotten password",
            "accounts",
            "## Steps\n\n"
                + "1. Open the self-service password portal.\n"
                + "2. Enter your username and the code we email you.\n"
                + "3. Choose a new password of at least 14 characters.",
            "I forgot my password",
            "how do I reset my password",
            "locked out, forgot password"));
    write(
        dir,
        "vpn/connect-vpn.md",
        article(
            "connect-vpn",
            "Connect to the VPN from home",
            "vpn",
            "## Steps\n\n"
                + "1. Start the GlobalConnect client.\n"
                + "2. Sign in with your work account.\n"
                + "3. Wait for the shield icon to turn green before opening internal sites.",
            "how do I connect to the vpn",
            "vpn from home",
            "remote access to the office network"));
    write(
        dir,
        "printers/printer-jam.md",
        article(
            "printer-jam",
            "Clear a paper jam",
            "printers",
            "## Steps\n\n"
                + "1. Open the front door of the printer.\n"
                + "2. Pull the stuck paper out gently in the direction of the paper path.\n"
                + "3. Close the door and print a test page.",
            "printer paper jam",
            "paper stuck in the printer",
            "printer says jam"));
    write(
        dir,
        "email/outlook-sync.md",
        article(
            "outlook-sync",
            "Outlook does not sync new email",
            "email",
            "## Steps\n\n"
                + "1. Check that Outlook says Connected at the bottom.\n"
                + "2. Restart Outlook.\n"
                + "3. Remove and add the mail account again if messages still do not arrive.\n\n"
                + "See also [VPN](connect-vpn).",
            "outlook not receiving email",
            "my inbox is not updating",
            "email stuck, not syncing"));
    write(dir, "synonyms.txt", "# test synonyms\npwd, password\nvpn, remote access\n");
    return dir;
  }
}
