package io.tierzero.bot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both named by path so Selenium
 * never looks for (or downloads) a browser of its own. One per test class: starting it costs about
 * two seconds. Downloads go to a temporary folder, so a test can read an exported file.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  public final ChromeDriver driver;
  public final Path downloads;
  private final ChromeDriverService service;
  private final Path profile;

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, Path downloads) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
    this.downloads = downloads;
  }

  /**
   * Whether a missing browser must fail the tests rather than skip them ({@code .ci/run} sets it).
   */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("TIERZERO_REQUIRE_BROWSER"));
  }

  /** What is missing to run browser tests, if anything. */
  static Optional<String> missing() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return Optional.empty();
    return Optional.of(
        "Browser tests need Debian's chromium and chromium-driver at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)");
  }

  /**
   * Starts the browser. Classes using it carry {@link RequiresBrowser}, which skips them with the
   * reason when it is missing; here a missing browser is a failure, named.
   */
  public static Browser start(int width, int height) {
    var missing = missing();
    if (missing.isPresent()) throw new IllegalStateException(missing.get());
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      var profile = Files.createTempDirectory("tierzero-chromium");
      var downloads = Files.createDirectories(profile.resolve("downloads"));
      var options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars",
          "--force-device-scale-factor=1",
          "--window-size=" + width + "," + height,
          "--user-data-dir=" + profile);
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory", downloads.toString(),
              "download.prompt_for_download", false,
              "safebrowsing.enabled", false));
      var service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
              .usingAnyFreePort()
              .build();
      var driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return new Browser(driver, service, profile, downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // Best effort: a temporary profile.
      }
    }
  }
}
