package io.perfopt.integration.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.api.optimization.BottleneckType;
import io.perfopt.api.spi.OptimizerPlugin;
import io.perfopt.api.spi.PlanningContext;
import io.perfopt.api.spi.Proposal;
import io.perfopt.integration.testing.CachePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real (headless) Chromium against perfopt optimizing the simulated fleet: an
 * operator gives the token the page asks for, sees what the API says (agents, verdicts with
 * their p-values, the approval queue, the cycles) and approves a risky change with a click, which
 * the next cycle applies; before the first cycle the page says so. Leaves screenshots at
 * {@code target/dashboard.png} and {@code target/dashboard-before-first-cycle.png}. Skipped without Chromium, unless {@code PERFOPT_REQUIRE_CHROMIUM=1}.
 */
class DashboardBrowserIT {

    private static final String TOKEN = "dashboard-test-token";
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");


    /** Smaller message batches: a harmless change that gets judged, with a p-value, within a few cycles. */
    static final class SmallerBatches implements OptimizerPlugin {
        @Override
        public String id() {
            return "smaller-batches";
        }

        @Override
        public Set<BottleneckType> handles() {
            return Set.of(BottleneckType.COORDINATION);
        }

        @Override
        public List<Proposal> propose(PlanningContext ctx) {
            return ctx.knob("message.batch.size").filter(k -> k.value() > k.min())
                    .map(k -> List.of(Proposal.builder("smaller message batches")
                            .change(k.changeTo(Math.max(k.min(), Math.round(k.value() * 0.6)))).risk(0.1).build()))
                    .orElse(List.of());
        }
    }

    private FleetUnderTest run;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start(@TempDir Path temp) throws Exception {
        HeadlessChromium.assumeInstalled();
        Files.createDirectories(SCREENSHOT.getParent());
        browser = HeadlessChromium.start(temp.resolve("profile"), SCREENSHOT.resolveSibling("chromedriver.log"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (run != null) {
            run.close();
        }
    }

    @Test
    void beforeTheFirstCycleThePageSaysSoAndWithoutATokenItNeedsNone() throws Exception {
        run = new FleetUnderTest(null, List.of(new SmallerBatches()));

        browser.get(run.uri("/?refresh=1").toString());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("first-cycle")));
        assertThat(browser.findElement(By.id("auth")).isDisplayed()).as("no token is asked for").isFalse();
        wait.until(d -> d.findElements(By.cssSelector("#fleet .agent[data-freshness='never-seen']")).size()
                == run.get("/api/agents").size());
        assertThat(browser.findElement(By.cssSelector("#optimizations .empty")).getText())
                .isEqualTo("No optimization has been judged yet.");
        assertThat(browser.findElement(By.id("approvals-count")).getText()).isEqualTo("0");
        screenshot(SCREENSHOT.resolveSibling("dashboard-before-first-cycle.png"));

        // when the operator asks for a cycle now
        browser.findElement(By.id("optimize-now")).click();

        // then it ran, and the page shows it in place of the empty state
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("first-cycle")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cycles svg.phases g[data-cycle='1']")));
        assertThat(run.get("/api/status").get("cycles").asInt()).isEqualTo(1);
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("cycle 1");
    }

    @Test
    void anOperatorSeesWhatTheApiSaysAndApprovesARiskyChangeWithAClick() throws Exception {
        // given cycles until a change was judged with a test and a risky one waits for approval
        run = new FleetUnderTest(TOKEN, List.of(CachePlugin.risky("risky-cache"), new SmallerBatches()));
        JsonNode judged = null;
        JsonNode waiting = null;
        for (int i = 0; i < 30 && (judged == null || waiting == null); i++) {
            run.cycle();
            judged = first(run.get("/api/optimizations"), r -> !r.get("pValue").isNull());
            waiting = first(run.get("/api/approvals"), a -> a.get("agentId").asText().equals("market-hunter"));
        }
        assertThat(judged).as("a verdict with a p-value within 30 cycles").isNotNull();
        assertThat(waiting).as("market-hunter's risky change waits for approval within 30 cycles").isNotNull();
        String waitingId = waiting.get("id").asText();

        // when the operator opens the page, it asks for the token (the API answers 401 without it)
        browser.get(run.uri("/?refresh=1").toString());
        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        tokenField.sendKeys(TOKEN);
        browser.findElement(By.id("token-submit")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("auth")));

        // then the page shows the fleet, the verdicts and the queue as the API has them
        List<String> agentIds = ids(run.get("/api/agents"), "id");
        wait.until(d -> d.findElements(By.cssSelector("#fleet .agent")).size() == agentIds.size());
        assertThat(browser.findElements(By.cssSelector("#fleet .agent")).stream()
                .map(e -> e.getAttribute("data-agent-id")).toList()).containsExactlyElementsOf(agentIds);

        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".result[data-strategy-id='" + judged.at("/strategy/id").asText() + "']")));
        assertThat(result.findElement(By.cssSelector(".verdict")).getText())
                .isEqualTo(judged.get("verdict").asText().toLowerCase(Locale.ROOT).replace('_', ' '));
        assertShowsPValue(result.findElement(By.cssSelector(".p-value")).getText(), judged.get("pValue").asDouble());
        assertThat(result.findElements(By.cssSelector("svg.distribution [data-series='before'] circle")))
                .hasSize(judged.get("beforeSamples").size());
        assertThat(result.findElements(By.cssSelector("svg.distribution [data-series='after'] circle")))
                .hasSize(judged.get("afterSamples").size());

        int approvals = run.get("/api/approvals").size();
        wait.until(ExpectedConditions.textToBe(By.id("approvals-count"), String.valueOf(approvals)));
        assertThat(browser.findElements(By.cssSelector("#approvals .approval"))).hasSize(approvals);
        int cycles = run.get("/api/cycles?limit=30").size();
        assertThat(browser.findElements(By.cssSelector("#cycles svg.phases g[data-cycle]"))).hasSize(cycles);
        assertThat(browser.findElement(By.cssSelector("#cluster .single-node")).getText())
                .isEqualTo("One node: " + run.get("/api/status").get("node").asText() + ".");
        assertEveryRequestStayedOnTheServer();
        assertNoScriptErrors();
        screenshot(SCREENSHOT);

        // when the operator approves market-hunter's waiting change
        browser.findElement(By.cssSelector(".approval[data-strategy-id='" + waitingId + "'] button.approve")).click();

        // then the engine has it approved, the page says so, and a cycle applies it as soon as
        // market-hunter has a whole baseline window observed
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".approval[data-strategy-id='" + waitingId + "'][data-approved='true']")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("approved " + waitingId);
        assertThat(first(run.get("/api/approvals"), a -> a.get("id").asText().equals(waitingId))
                .get("approved").asBoolean()).isTrue();

        List<String> applied = new ArrayList<>();
        for (int i = 0; i < 10 && !applied.contains(waitingId); i++) {
            applied.addAll(run.cycle().applied());
        }

        assertThat(applied).contains(waitingId);
        assertThat(run.fleet.agent("market-hunter").knob("cache.size").value()).isEqualTo(4000);
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector(".approval[data-strategy-id='" + waitingId + "']"), 0));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".agent[data-agent-id='market-hunter'] .card-head"), "change in flight"));
    }

    private static JsonNode first(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        return StreamSupport.stream(array.spliterator(), false).filter(test).findFirst().orElse(null);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get(field).asText()));
        return ids;
    }

    /** "p < 0.001", or "p = 0.123" within rounding of the API's value. */
    private static void assertShowsPValue(String shown, double p) {
        if (p < 0.001) {
            assertThat(shown).isEqualTo("p < 0.001");
        } else {
            assertThat(shown).startsWith("p = ");
            assertThat(Double.parseDouble(shown.substring(4))).isCloseTo(p, org.assertj.core.data.Offset.offset(5e-4));
        }
    }

    /** No font, script or image came from anywhere but perfopt: an operator's page needs no internet. */
    private void assertEveryRequestStayedOnTheServer() {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(run.uri("/").toString()));
    }

    /**
     * Nothing went wrong in the page: no script error, no content the browser refused. The 401
     * before the token was given and the 404 of {@code /api/cluster} (not on this version) are
     * answers the page expects.
     */
    private void assertNoScriptErrors() {
        List<String> errors = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                .stream().filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> !m.contains("status of 401") && !(m.contains("/api/cluster") && m.contains("404")))
                .toList();
        assertThat(errors).isEmpty();
    }

    /** The whole page, for a person to judge the design. */
    private void screenshot(Path file) throws Exception {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1400, Math.min(8000, height.intValue() + 200)));
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }
}
