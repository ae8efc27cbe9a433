package io.perfopt.integration.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Chromium and chromedriver (Debian: {@code apt-get install chromium
 * chromium-driver}), started headless with a fresh profile and nothing that reaches the network
 * on its own. Selenium Manager is never asked to download a driver or a browser: both paths are
 * given. {@code PERFOPT_CHROMIUM} and {@code PERFOPT_CHROMEDRIVER} name other binaries.
 */
final class HeadlessChromium {

    /** Set (to 1) where Chromium must be there, as in CI: its absence fails instead of skipping. */
    static final String REQUIRED = "PERFOPT_REQUIRE_CHROMIUM";

    private HeadlessChromium() {
    }

    /** Skips the calling test when Chromium or its driver is missing, or fails it where they are required. */
    static void assumeInstalled() {
        Optional<Path> browser = browser();
        Optional<Path> driver = driver();
        if (browser.isPresent() && driver.isPresent()) {
            return;
        }
        String message = "the dashboard's browser test needs Chromium and chromedriver ("
                + (browser.isEmpty() ? "no chromium" : "chromium at " + browser.get()) + ", "
                + (driver.isEmpty() ? "no chromedriver" : "chromedriver at " + driver.get())
                + "): apt-get install chromium chromium-driver, or set PERFOPT_CHROMIUM and PERFOPT_CHROMEDRIVER";
        if ("1".equals(System.getenv(REQUIRED)) || "true".equalsIgnoreCase(System.getenv(REQUIRED))) {
            fail(message + " [" + REQUIRED + " is set]");
        }
        Assumptions.abort("skipped: " + message);
    }

    /** A headless browser with a fresh profile in {@code profile}; its driver logs to {@code log}. */
    static ChromeDriver start(Path profile, Path log) throws IOException {
        Path browser = browser().orElseThrow();
        Path driver = driver().orElseThrow();
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--metrics-recording-only", "--hide-scrollbars", "--window-size=1400,1000", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        // the page's console (script errors, refused content) for the test to read
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> browser() {
        return executable("PERFOPT_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
    }

    private static Optional<Path> driver() {
        return executable("PERFOPT_CHROMEDRIVER", "chromedriver");
    }

    /** The binary an environment variable names, else the first of the names on the PATH or in /usr/bin. */
    private static Optional<Path> executable(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String name : names) {
            Optional<Path> found = Arrays.stream(searchPath.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                    .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
