package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tickbus.testing.Await;

/** A real headless Chromium against the running demo: tiles, charts, peek, console, reconnect, screenshot. */
class DashboardIT {

    private static final Path ARTIFACTS = Path.of("target", "artifacts");
    private static MonitorDemo demo;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        demo = new MonitorDemo(2_000, new JsonObject().put("port", freePort()));
        profile = Files.createTempDirectory("tickbus-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1600,1280", "--force-device-scale-factor=1");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        demo.close();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static int attribute(String css, String name) {
        return Integer.parseInt(browser.findElement(By.cssSelector(css)).getDomAttribute(name).replaceAll("\\..*", ""));
    }

    @Test
    void dashboardShowsLiveFeedsMovingChartsAndAPeekWithoutConsoleErrorsAndReconnects() throws IOException {
        browser.get(demo.url("/"));
        waiting(20).until(b -> text("[data-feed='sim-xsim'] .state").equals("LIVE")
                && text("[data-feed='sim-xfx'] .state").equals("LIVE"));
        assertEquals("connected", text("#connection"));

        int points = attribute("#rate-chart", "data-points");
        waiting(20).until(b -> attribute("#rate-chart", "data-points") >= points + 3);
        assertTrue(attribute("#rate-chart", "data-last") > 0, "the rate chart shows no traffic");
        waiting(20).until(b -> attribute("#latency-chart", "data-points") >= 2);

        browser.findElement(By.id("peek-input")).sendKeys("XSIM:NVDA");
        browser.findElement(By.cssSelector("#peek-form button")).click();
        waiting(20).until(b -> text("#peek-bid").matches("\\d+\\.\\d+") && text("#peek-ask").matches("\\d+\\.\\d+"));
        waiting(20).until(b -> !browser.findElements(By.cssSelector("#peek-trades tr")).isEmpty());
        assertEquals("XSIM:NVDA", text("#peek-instrument"));
        assertTrue(demo.node().demand().isDemanded("XSIM:NVDA"), "the peek holds demand for its instrument");

        demo.venue().skipNextBatch();
        waiting(20).until(b -> text("#gaps").contains("ms") && text("#gaps").contains("sim-xsim"));

        JsonObject bridge = demo.stats().getJsonObject("node").getJsonObject("bridge");
        assertEquals(0, bridge.getLong("conflated"), "a healthy browser must get every update: " + bridge);
        assertTrue(bridge.getLong("backlogBytes") < 16_384, "writes to the browser are acknowledged: " + bridge);

        screenshot("dashboard.png");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors");

        restartMonitor();
        waiting(30).until(b -> text("#connection").equals("connected")
                && text("[data-feed='sim-xsim'] .state").equals("LIVE"));
        String bid = text("#peek-bid");
        waiting(20).until(b -> !text("#peek-bid").equals(bid));
    }

    /** Stops the monitor (the browser sees the server go away), then starts it again on the same port. */
    private static void restartMonitor() {
        String monitorId = demo.deploymentIds.get(demo.deploymentIds.size() - 1);
        Await.result(demo.vertx.undeploy(monitorId));
        waiting(20).until(b -> !text("#connection").equals("connected"));
        JsonObject config = new JsonObject().put("host", "127.0.0.1").put("port", demo.port);
        demo.deploymentIds.set(demo.deploymentIds.size() - 1, Await.result(demo.vertx.deployVerticle(
                MonitorVerticle::new, new DeploymentOptions().setConfig(config))));
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
