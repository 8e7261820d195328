package nl.horizon.app.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's, driven through Debian's chromedriver; no browser
 * is downloaded) against the running launcher: an analyst signs in, reads the overview, opens a country,
 * follows a signal to its evidence, triages it, and searches. A hostile report title stays text. Each
 * step leaves a screenshot in {@code app/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private DemoPipeline pipeline;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser;
        wait = chromium.wait;
        pipeline = DemoPipeline.get();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAnalystWorksThroughTheMeeting() throws Exception {
        // signing in: the dashboard sends a browser without a session to the sign-in page
        browser.get(pipeline.base() + "/login");
        browser.manage().deleteAllCookies();
        browser.get(pipeline.base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
        screenshot("01-sign-in-refused");
        browser.findElement(By.id("token")).sendKeys(DemoPipeline.ANALYST);
        browser.findElement(By.id("sign-in")).click();

        // the overview: every scored country, sortable, and what changed
        WebElement mali = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#countries tr[data-country=MLI]")));
        assertThat(browser.findElement(By.id("who")).getText()).contains("analyst-s").contains("secret");
        assertThat(browser.findElements(By.cssSelector("#countries tbody tr"))).hasSizeGreaterThan(3);
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        screenshot("02-overview");
        List<String> before = browser.findElements(By.cssSelector("#countries-rest tbody tr")).stream()
                .map(r -> r.getAttribute("data-country")).toList();
        chromium.click(By.id("countries-rest-by-0"));
        List<String> byName = browser.findElements(By.cssSelector("#countries-rest tbody tr")).stream()
                .map(r -> r.getAttribute("data-country")).toList();
        assertThat(byName).as("sorted by name").containsExactlyInAnyOrderElementsOf(before);
        assertThat(browser.findElements(By.cssSelector("#countries-rest tbody td:first-child a"))).extracting(WebElement::getText)
                .isSorted();

        // a country: the chart of contributions, its signals and its evidence
        chromium.click(By.cssSelector("#countries tr[data-country=MLI] a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-chart")));
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return window.Chart && Chart.getChart('history-chart') !== undefined"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Mali");
        screenshot("03-country");

        // a signal: its evidence, then triage
        chromium.click(By.cssSelector("table a[href^='#/signal/']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence li.report")));
        screenshot("04-signal");
        new Select(browser.findElement(By.id("triage-outcome"))).selectByValue("dismissed");
        browser.findElement(By.id("triage-reason")).sendKeys("Seasonal pattern, already covered by the post");
        browser.findElement(By.id("triage-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decisions"), "Seasonal pattern"));
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("dismissed").contains("analyst-s");
        screenshot("05-triaged");

        // an evidence report, in full, on a page of its own
        String evidence = browser.findElement(By.cssSelector("#evidence .title a")).getText();
        browser.findElement(By.cssSelector("#evidence .title a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-body")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(evidence);
        screenshot("05b-evidence-report");

        // search: highlights, facets, a standing query
        browser.get(pipeline.base() + "/#/search");
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query")));
        query.sendKeys("menaka");
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits mark")));
        assertThat(browser.findElement(By.cssSelector("#hits mark")).getText()).containsIgnoringCase("menaka");
        assertThat(browser.findElements(By.cssSelector(".facet"))).isNotEmpty();
        browser.findElement(By.id("save-query")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("standing"), "menaka"));
        screenshot("06-search");

        // the briefing page previews what the printable briefing holds
        browser.get(pipeline.base() + "/#/briefing");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#briefing-preview h2")));
        // the period is the API's default, the week up to the latest scored day; every warning and alert
        // country of it is listed with its evidence (Mali is the demo's alert)
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#briefing-countries li")));
        assertThat(browser.findElement(By.id("briefing-countries")).getText()).contains("Mali");
        assertThat(browser.findElement(By.id("briefing-to")).getAttribute("value")).isNotEmpty();
        assertThat(browser.findElement(By.id("briefing-pdf")).isDisplayed()).isTrue();
        screenshot("07-briefing");
    }

    @Test
    void searchResultsPageAndChangeOrder() throws Exception {
        pipeline.await("/api/search?kind=report&limit=5", DemoPipeline.VIEWER, Duration.ofSeconds(60),
                n -> n.path("total").asInt() > 10);
        signIn(DemoPipeline.VIEWER);
        browser.get(pipeline.base() + "/#/search?kind=report&limit=5");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        screenshot("06a-search-first-page");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-page")));
        assertThat(browser.findElements(By.cssSelector("#hits li.report"))).hasSize(5);
        assertThat(browser.findElements(By.id("previous-page"))).isEmpty();
        String first = browser.findElement(By.cssSelector("#hits li.report")).getAttribute("data-id");
        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("previous-page")));
        assertThat(browser.getCurrentUrl()).contains("offset=5");
        assertThat(browser.findElement(By.cssSelector("#hits li.report")).getAttribute("data-id")).isNotEqualTo(first);
        assertThat(browser.findElement(By.id("pager")).getText()).contains("6–10 of");
        screenshot("06b-search-second-page");

        new Select(browser.findElement(By.id("sort"))).selectByValue("relevance");
        wait.until(ExpectedConditions.urlContains("sort=relevance"));
        assertThat(browser.getCurrentUrl()).as("a new order starts at the first page").doesNotContain("offset=");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("previous-page")));
    }

    @Test
    void aHostileReportTitleIsShownAsText() throws Exception {
        String hostile = "<img src=x onerror=\"document.title='pwned'\"> Tessalit <script>document.title='pwned'</script>";
        var response = pipeline.send("POST", "/api/ingest/posts", DemoPipeline.POST, "application/json", """
                {"post": "bamako", "reference": "BAM-XSS-1", "date": "2026-11-15", "classification": "public",
                 "countries": ["MLI"], "subject": %s, "body": "Tessalit market reopened."}
                """.formatted(nl.horizon.schema.Json.mapper().writeValueAsString(hostile)), Map.of());
        assertThat(response.statusCode()).isEqualTo(202);
        pipeline.await("/api/search?q=" + DemoPipeline.encode("title:tessalit"), DemoPipeline.VIEWER,
                Duration.ofSeconds(60), n -> n.path("total").asInt() > 0);

        signIn(DemoPipeline.VIEWER);
        browser.get(pipeline.base() + "/#/search?q=" + DemoPipeline.encode("tessalit market"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits li.report")));
        List<WebElement> titles = browser.findElements(By.cssSelector("#hits .title"));
        assertThat(titles).extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("<img src=x"));
        assertThat(browser.findElements(By.cssSelector("#hits img, #hits script"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Search: tessalit market · Horizon");
        screenshot("08-hostile-title-as-text");
    }

    private void signIn(String token) {
        chromium.signIn(pipeline, token);
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }
}
