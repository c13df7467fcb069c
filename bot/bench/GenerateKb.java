import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic knowledge base of N articles (default 10,000) in the articles/ format, for
 * load benchmarks at a realistic size. Titles combine an application, a problem and a platform, so
 * BM25 sees many near-duplicates, the hard case for ranking and for latency.
 *
 * <pre>java bot/bench/GenerateKb.java /tmp/kb10k 10000</pre>
 */
public class GenerateKb {
  static final List<String> CATEGORIES =
      List.of(
          "accounts",
          "mfa",
          "email",
          "vpn",
          "network",
          "printers",
          "hardware",
          "software",
          "collaboration",
          "security",
          "onboarding");
  static final List<String> APPS =
      List.of(
          "Outlook",
          "Teams",
          "SharePoint",
          "OneDrive",
          "Excel",
          "Word",
          "PowerPoint",
          "Zoom",
          "Slack",
          "Jira",
          "Confluence",
          "Salesforce",
          "SAP",
          "Workday",
          "ServiceNow",
          "Chrome",
          "Edge",
          "Firefox",
          "Acrobat",
          "Photoshop",
          "GlobalConnect VPN",
          "Authenticator",
          "Citrix",
          "Remote Desktop",
          "Company Portal",
          "Visual Studio",
          "IntelliJ",
          "Git",
          "Docker",
          "Tableau",
          "Power BI",
          "Miro",
          "Figma",
          "Webex",
          "Dropbox",
          "Box",
          "DocuSign",
          "Okta",
          "Intune",
          "BitLocker",
          "Defender",
          "CrowdStrike",
          "Printer driver",
          "Scanner app",
          "Docking station",
          "Headset",
          "Webcam",
          "Keyboard",
          "Monitor",
          "Laptop",
          "Desk phone",
          "Softphone",
          "Calendar",
          "Shared drive",
          "Wi-Fi",
          "Ethernet",
          "Guest network",
          "Proxy",
          "Password manager",
          "Expense app",
          "Timesheet app",
          "HR portal",
          "Learning portal",
          "Intranet",
          "Mail app",
          "Notes",
          "OneNote",
          "Skype",
          "Lync",
          "Visio",
          "Project",
          "Access",
          "Python",
          "R Studio",
          "MATLAB",
          "AutoCAD",
          "SolidWorks",
          "Kindle app",
          "Mobile device",
          "Tablet");
  static final List<String> PROBLEMS =
      List.of(
          "crashes on launch",
          "is very slow",
          "cannot sign in",
          "shows an error code",
          "will not install",
          "licence has expired",
          "will not sync",
          "keeps freezing",
          "asks for the password again and again",
          "cannot connect to the server",
          "will not update",
          "lost my settings",
          "cannot open files",
          "cannot save files",
          "shows a blank screen",
          "has no sound",
          "notifications do not arrive",
          "cannot share with colleagues",
          "prints the wrong size",
          "is missing from my computer",
          "needs a new licence",
          "uses too much memory",
          "drops the connection",
          "shows the wrong language",
          "cannot find my data");
  static final List<String> PLATFORMS = List.of("Windows", "macOS", "iPhone", "Android", "the web");
  static final List<String> VERBS =
      List.of(
          "restart",
          "reinstall",
          "sign out and back in",
          "clear the cache",
          "update",
          "check the network",
          "remove the account",
          "reset the settings",
          "run the repair tool",
          "check the licence",
          "free up disk space",
          "disable add-ins");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/kb10k");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    var random = new Random(42);
    int written = 0;
    outer:
    for (String app : APPS) {
      for (String problem : PROBLEMS) {
        for (String platform : PLATFORMS) {
          if (written == n) break outer;
          write(out, written++, app, problem, platform, random);
        }
      }
    }
    System.out.println("Wrote " + written + " articles to " + out);
  }

  static void write(Path out, int i, String app, String problem, String platform, Random random)
      throws IOException {
    String category = CATEGORIES.get(Math.floorMod((app + problem).hashCode(), CATEGORIES.size()));
    String title = app + " " + problem + " on " + platform;
    String id = slug(title) + "-" + i;
    var steps = new StringBuilder();
    for (int s = 1; s <= 5; s++) {
      String verb = VERBS.get(random.nextInt(VERBS.size()));
      steps
          .append(s)
          .append(". ")
          .append(capitalise(verb))
          .append(" for ")
          .append(app)
          .append(" on ")
          .append(platform)
          .append(", then try again. If ")
          .append(app)
          .append(' ')
          .append(problem)
          .append(" still, note the time and any message you see.\n");
    }
    String text =
        """
        ---
        id: %1$s
        title: %2$s
        summary: What to do when %3$s %4$s on %5$s, and how to stop it happening again.
        tags: [%6$s, %7$s, %8$s]
        category: %9$s
        updated: 2026-11-01
        owner: benchmark
        questions:
          - %3$s %4$s
          - why does %3$s %4$s on %5$s
          - help, %3$s %4$s
        ---

        # %2$s

        Sometimes %3$s %4$s on %5$s. This usually happens after an update, a password change or
        when the device has been offline for a while. Most people can fix it themselves in a few
        minutes.

        ## Steps

        %10$s
        ## If that didn't work

        Contact the Service Desk and tell them which steps you tried for %3$s on %5$s.
        """
            .formatted(
                id,
                title,
                app,
                problem,
                platform,
                slug(app),
                slug(problem).split("-")[0],
                slug(platform),
                category,
                steps);
    Path dir = Files.createDirectories(out.resolve(category));
    Files.writeString(dir.resolve(id + ".md"), text);
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
