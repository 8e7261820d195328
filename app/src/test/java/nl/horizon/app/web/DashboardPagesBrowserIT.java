package nl.horizon.app.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's pages as the early-warning meeting and a keyboard or screen-reader user meet them, in
 * headless Chromium against the demo pipeline: the overview grouped by urgency with its map and sparklines,
 * the country chart on a daily axis and on a phone, relief bars, a withdrawn signal's mark, search that keeps
 * its form on a bad query, facets with country names, and the accessibility checks (a label for every input,
 * tables sortable by keyboard with aria-sort, focus and title on every view change). Screenshots land in
 * {@code app/target/screenshots/} (names starting 1x-).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesBrowserIT {

    /** Ids (or markup) of the visible form fields that no label, aria-label or aria-labelledby names. */
    private static final String UNLABELLED = """
            const named = (e) => [...(e.labels || [])].some((l) => l.textContent.trim())
              || (e.getAttribute('aria-label') || '').trim()
              || (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                   .some((id) => document.getElementById(id) && document.getElementById(id).textContent.trim());
            return [...document.querySelectorAll('input, select, textarea')].filter((e) => e.type !== 'hidden')
              .filter((e) => !named(e)).map((e) => e.id || e.outerHTML.substring(0, 80));
            """;

    private DemoPipeline pipeline;
    private HeadlessChromium chromium;

    @BeforeAll
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        pipeline = DemoPipeline.get();
    }

    @AfterEach
    void desktop() {
        chromium.browser.manage().window().setSize(HeadlessChromium.DESKTOP);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theOverviewPutsAlertsAndWarningsFirstWithAMapAndSparklines() throws Exception {
        chromium.consoleErrors(); // what earlier tests left
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        List<String> urgent = levels("#countries-urgent");
        List<String> rest = levels("#countries-rest");
        assertThat(urgent).isNotEmpty().allMatch(l -> l.equals("alert") || l.equals("warning"));
        assertThat(urgent).as("alerts before warnings").isSortedAccordingTo((a, b) -> a.equals(b) ? 0 : a.equals("alert") ? -1 : 1);
        assertThat(rest).isNotEmpty().noneMatch(l -> l.equals("alert") || l.equals("warning"));
        assertThat((Boolean) chromium.script("return document.getElementById('countries-urgent').compareDocumentPosition("
                + "document.getElementById('countries-rest')) === Node.DOCUMENT_POSITION_FOLLOWING")).as("urgent group first").isTrue();

        // the map: every scored country in its level's colour, and the colours said in words (read in one go:
        // the demo is still scoring, and a live update may redraw the page)
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#world-map[data-coloured]")));
        @SuppressWarnings("unchecked")
        List<List<String>> drawn = (List<List<String>>) chromium.script("""
                const colours = { calm: '#5a8f5a', watch: '#c9a227', warning: '#d9730d', alert: '#b3261e' };
                const box = document.getElementById('world-map');
                const data = echarts.getInstanceByDom(box).getOption().series[0].data;
                const rows = [...document.querySelectorAll('.countries tbody tr')];
                return rows.map((tr) => {
                  const level = tr.querySelector('.level').textContent;
                  const onMap = data.find((d) => d.code === tr.dataset.country);
                  return [tr.dataset.country, colours[level], onMap ? onMap.itemStyle.areaColor : 'missing',
                    box.getAttribute('aria-label').includes(level + ': ') ? 'said' : 'unsaid', box.getAttribute('role')];
                });
                """);
        assertThat(drawn).hasSize(urgent.size() + rest.size());
        for (List<String> country : drawn) {
            assertThat(country.get(2)).as(country.get(0) + " on the map").isEqualTo(country.get(1));
            assertThat(country.get(3)).as(country.get(0) + "'s level in the map's label").isEqualTo("said");
            assertThat(country.get(4)).isEqualTo("img");
        }
        int scored = drawn.size();

        // a sparkline for each country, with its text alternative
        chromium.wait.until(d -> d.findElements(By.cssSelector(".countries svg.sparkline polyline")).size() == scored);
        assertThat(chromium.browser.findElement(By.cssSelector(".countries tr[data-country=MLI] svg.sparkline"))
                .getAttribute("aria-label")).startsWith("Mali score from").contains("highest");
        chromium.screenshot("10-overview-grouped-map");
        assertThat(chromium.consoleErrors()).as("nothing refused by the Content-Security-Policy, no script error").isEmpty();
    }

    @Test
    void forecastPhaseAndWhyAppearOnceTheOverviewCarriesThem() throws Exception {
        // the demo's history is long enough for the streams application to issue forecasts and phases
        pipeline.await("/api/overview", DemoPipeline.VIEWER, Duration.ofSeconds(90), overview -> {
            for (var line : overview.path("countries")) {
                if (line.has("forecast")) {
                    return true;
                }
            }
            return false;
        });
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        chromium.wait.until(d -> headers("#countries-urgent").contains("Onset risk, 3 months"));
        assertThat(texts("#countries-urgent tbody tr")).isNotEmpty().allSatisfy(row -> assertThat(row).contains("phase: "));
        assertThat(texts("#countries-urgent .forecast")).as("each urgent country's p(3 months)").isNotEmpty()
                .allSatisfy(cell -> assertThat(cell).matches("(<1|\\d{1,3})%"));
        @SuppressWarnings("unchecked")
        List<String> tooltips = (List<String>) chromium.script("return [...document.querySelectorAll("
                + "'#countries-urgent .forecast')].map(e => e.getAttribute('title'))");
        assertThat(tooltips).as("explained in its tooltip")
                .allSatisfy(t -> assertThat(t).startsWith("p(onset or escalation within 3 months), forecast-"));
        String held = (String) chromium.script("return document.querySelector('#countries-urgent').innerText");
        if (held.contains("held at warning")) {
            assertThat(headers("#countries-urgent")).contains("Why this level");
        }
        chromium.wait.until(d -> d.findElements(By.cssSelector("#countries-urgent svg.sparkline polyline")).size()
                == d.findElements(By.cssSelector("#countries-urgent tbody tr")).size());
        chromium.screenshot("17-overview-forecast-phase-why");
    }

    private List<String> headers(String table) {
        return texts(table + " th");
    }

    @Test
    void tablesSortByKeyboardAndSayHowInAriaSort() throws Exception {
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        // headers are found afresh each time: a live update may rebuild the page (keeping order and focus)
        assertThat(ariaSort("#countries-rest", 1)).as("sorted by level at first").isEqualTo("descending");
        assertThat(ariaSort("#countries-rest", 2)).isEqualTo("none");
        chromium.browser.findElement(By.id("countries-rest-by-2")).sendKeys(Keys.ENTER);
        assertThat(ariaSort("#countries-rest", 2)).isEqualTo("descending");
        assertThat(ariaSort("#countries-rest", 1)).isEqualTo("none");
        assertThat(scores("#countries-rest")).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        chromium.browser.findElement(By.id("countries-rest-by-2")).sendKeys(Keys.SPACE);
        assertThat(ariaSort("#countries-rest", 2)).isEqualTo("ascending");
        assertThat(scores("#countries-rest")).isSorted();
        assertThat(chromium.script("return document.activeElement.id")).as("focus stays on the header").isEqualTo("countries-rest-by-2");
    }

    private String ariaSort(String table, int column) {
        return chromium.browser.findElements(By.cssSelector(table + " th")).get(column).getAttribute("aria-sort");
    }

    @Test
    void everyInputHasALabelAndEveryViewItsTitleAndFocus() throws Exception {
        chromium.browser.manage().deleteAllCookies();
        chromium.browser.get(pipeline.base() + "/login");
        assertThat(unlabelled()).as("sign-in page").isEmpty();
        chromium.signIn(pipeline, DemoPipeline.ANALYST);
        assertThat(chromium.browser.getTitle()).isEqualTo("Overview · Horizon");
        assertThat(unlabelled()).as("overview").isEmpty();

        // following a link moves the focus to the new page's heading and names it in the title
        chromium.click(By.cssSelector(".countries tr[data-country=MLI] a"));
        chromium.wait.until(ExpectedConditions.titleIs("Mali · Horizon"));
        assertFocusOnHeading("Mali");
        assertThat(unlabelled()).as("country").isEmpty();

        chromium.click(By.cssSelector("table a[href^='#/signal/']"));
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("triage-outcome")));
        assertThat(chromium.browser.getTitle()).startsWith("Mali: ").endsWith(" · Horizon");
        assertFocusOnHeading("Mali");
        assertThat(unlabelled()).as("signal with the triage form").isEmpty();

        chromium.browser.findElement(By.id("nav-search")).click();
        chromium.wait.until(ExpectedConditions.titleIs("Search · Horizon"));
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        assertFocusOnHeading("Search");
        assertThat(unlabelled()).as("search").isEmpty();

        chromium.browser.findElement(By.id("nav-briefing")).click();
        chromium.wait.until(ExpectedConditions.titleIs("Briefing · Horizon"));
        assertFocusOnHeading("briefing");
        assertThat(unlabelled()).as("briefing").isEmpty();

        // the chart's text alternative: a label that summarises it and the data as a table
        chromium.browser.get(pipeline.base() + "/#/country/MLI");
        WebElement chart = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-chart")));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.getAttribute("aria-label")).startsWith("Daily score of Mali from");
        assertThat(chromium.browser.findElements(By.cssSelector("#history-table tbody tr"))).isNotEmpty();
        String page = chromium.browser.findElement(By.tagName("main")).getText();
        assertThat(page).as("the drill-down and the forecast").contains("Each indicator and its reports", "Onset forecast");
        assertThat(chromium.browser.findElements(By.cssSelector("ul.indicators details"))).isNotEmpty();
        chromium.screenshot("18-country-indicators-forecast");
    }

    @Test
    void theCountryChartHasADailyAxisAndFitsAPhone() throws Exception {
        pipeline.await("/api/countries/TCD", DemoPipeline.VIEWER, Duration.ofSeconds(60), n -> n.path("history").size() > 1);
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        chromium.browser.manage().window().setSize(new Dimension(375, 812));
        chromium.browser.get(pipeline.base() + "/#/country/TCD");
        awaitChart();
        // the days the page was given (scoring may still be moving on while the test runs) against the axis: the
        // API fills unchanged days in (changed false), and the chart draws every one of them
        @SuppressWarnings("unchecked")
        List<List<String>> read = (List<List<String>>) chromium.script(
                "const h = state.histories.TCD.history; return [h.map((p) => p.day),"
                        + " h.filter((p) => p.changed !== false).map((p) => p.day), Chart.getChart('history-chart').data.labels]");
        List<String> given = read.get(0);
        List<String> changed = read.get(1);
        List<String> days = read.get(2);
        assertThat(days).first().isEqualTo(given.getFirst());
        assertThat(days).last().isEqualTo(given.getLast());
        assertThat(days).as("unchanged days are on the axis too").containsAll(changed).hasSizeGreaterThan(changed.size());
        for (int i = 1; i < days.size(); i++) {
            assertThat(java.time.LocalDate.parse(days.get(i))).isEqualTo(java.time.LocalDate.parse(days.get(i - 1)).plusDays(1));
        }
        long viewport = (Long) chromium.script("return window.innerWidth");
        assertThat(viewport).isLessThanOrEqualTo(400);
        assertThat((Long) chromium.script("return document.getElementById('history-chart').clientWidth")).isBetween(250L, viewport);
        assertThat((Long) chromium.script("return document.getElementById('history-chart').clientHeight")).as("not collapsed")
                .isGreaterThanOrEqualTo(200L);
        assertThat((Long) chromium.script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(viewport);
        chromium.screenshot("11-country-phone");
        chromium.browser.get(pipeline.base() + "/#/");
        chromium.wait.until(d -> d.findElements(By.cssSelector(".countries svg.sparkline polyline")).size() > 3);
        chromium.screenshot("11b-overview-phone");
    }

    @Test
    void reliefIsAPaleBarAboveTheScore() throws Exception {
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        // the demo history has no de-escalation, so the page is given Mali's with a ceasefire over its last 30 points
        stubApi("/api/countries/MLI", """
                page.history.slice(-30).forEach((p) => {
                  p.contributions.push({ indicator: 'relief.ceasefire', value: 1, weight: 10, contribution: -10 });
                  p.score = Math.max(0, p.score - 10);
                });
                """);
        chromium.script("location.hash = '#/country/MLI'");
        awaitChart();
        String check = """
                const chart = Chart.getChart('history-chart');
                const last = chart.data.labels.length - 1;
                const relief = chart.data.datasets.find((d) => d.label === 'relief.ceasefire (relief)');
                const score = chart.data.datasets.find((d) => d.label === 'score').data[last];
                const raising = chart.data.datasets.filter((d) => d.type === 'bar' && d !== relief)
                  .reduce((sum, d) => sum + d.data[last], 0);
                return [relief ? relief.data[last] : null, relief ? relief.published[last] : null, raising, score,
                  relief ? Math.min(...relief.data) : null];
                """;
        @SuppressWarnings("unchecked")
        List<Number> figures = (List<Number>) chromium.script(check);
        assertThat(figures.get(0).doubleValue()).as("the relief bar's height").isEqualTo(10.0);
        assertThat(figures.get(1).doubleValue()).as("the contribution as published").isEqualTo(-10.0);
        assertThat(figures.get(2).doubleValue()).as("escalating bars reach the score line").isCloseTo(figures.get(3).doubleValue(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(figures.get(4).doubleValue()).as("no bar below zero").isGreaterThanOrEqualTo(0.0);
        chromium.screenshot("12-country-relief");
    }

    @Test
    void aWithdrawnSignalIsMarkedWhereverItIsShown() throws Exception {
        String id = pipeline.signalOf("MLI");
        chromium.signIn(pipeline, DemoPipeline.ANALYST);
        // whether the demo withdraws a signal depends on how its input was batched, so the page is given one
        // of Mali's signals as its withdrawal (revision 2) would be published
        stubApi("/api/signals/", """
                page.signal.signal.lifecycle = 'withdrawn';
                page.signal.signal.revision = { number: 2, knownAsOf: page.signal.signal.day, historical: false, earlier: [page.signal.signal.day] };
                """);
        stubApi("/api/search", """
                page.hits.filter((h) => h.kind === 'signal').forEach((h) => { h.document.lifecycle = 'withdrawn'; });
                """);
        chromium.script("location.hash = arguments[0]", "#/signal/" + DemoPipeline.encode(id));
        WebElement mark = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1 .withdrawn-mark")));
        assertThat(mark.getText()).contains("withdrawn");
        assertThat(chromium.browser.findElement(By.className("revision")).getText()).contains("withdrawn: later input showed");
        chromium.screenshot("13-signal-withdrawn");
        chromium.script("location.hash = '#/search?kind=signal&country=MLI'");
        WebElement hit = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits li.hit-signal")));
        assertThat(hit.findElement(By.className("withdrawn-mark")).getText()).contains("withdrawn");
        assertThat(hit.findElement(By.tagName("a")).getAttribute("href")).contains("#/signal/");
    }

    @Test
    void aBadQueryKeepsTheFormAndSaysWhyBesideIt() throws Exception {
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        chromium.browser.get(pipeline.base() + "/#/search");
        WebElement query = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query")));
        query.sendKeys("(((menaka");
        chromium.browser.findElement(By.id("search-button")).click();
        WebElement error = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-error:not(:empty)")));
        assertThat(error.getText()).contains("does not parse");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(chromium.browser.findElement(By.id("query")).getAttribute("value")).as("what was typed is kept").isEqualTo("(((menaka");
        assertThat(chromium.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Search");
        assertThat(chromium.browser.findElements(By.id("search-form"))).hasSize(1);
        chromium.screenshot("14-search-bad-query");
    }

    @Test
    void facetsNameCountriesAndShowMoreThanTheFirstFew() throws Exception {
        chromium.signIn(pipeline, DemoPipeline.VIEWER);
        chromium.browser.get(pipeline.base() + "/#/search?kind=report");
        WebElement countries = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facet-country")));
        assertThat(countries.findElements(By.tagName("a"))).extracting(WebElement::getText).contains("Mali (MLI)");
        int shown = countries.findElements(By.tagName("li")).size();
        WebElement more = countries.findElement(By.xpath("following-sibling::button"));
        assertThat(more.getAttribute("aria-expanded")).isEqualTo("false");
        more.click();
        assertThat(more.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(chromium.browser.findElement(By.id("facet-country")).findElements(By.tagName("li")).size()).isGreaterThan(shown);
        chromium.screenshot("15-search-facets-more");

        // a date range narrows the results and stays in the form
        String total = chromium.browser.findElement(By.id("total")).getText();
        chromium.script("document.getElementById('search-from').value = '2026-11-01'; document.getElementById('search-to').value = '2026-11-30';");
        chromium.browser.findElement(By.id("search-button")).click();
        chromium.wait.until(ExpectedConditions.urlContains("from=2026-11-01"));
        chromium.wait.until(d -> !d.findElement(By.id("total")).getText().equals(total));
        assertThat(chromium.browser.getCurrentUrl()).contains("to=2026-11-30");
        assertThat(chromium.browser.findElement(By.id("search-from")).getAttribute("value")).isEqualTo("2026-11-01");
        for (WebElement day : chromium.browser.findElements(By.cssSelector("#hits .report .meta"))) {
            assertThat(day.getText()).contains("2026-11-");
        }
    }

    @Test
    void aStandingQuerysMatchesLinkToWhatMatched() throws Exception {
        String word = "Kerkennah";
        var saved = pipeline.send("POST", "/api/subscriptions", DemoPipeline.ANALYST, "application/json",
                "{\"query\":\"" + word + "\"}", java.util.Map.of());
        assertThat(saved.statusCode()).isEqualTo(201);
        pipeline.dropPost("tun-matches.txt", """
                POST: tunis
                REFERENCE: TUN-2026-MATCHES-1
                DATE: 2026-11-16
                CLASSIFICATION: public
                COUNTRY: TUN
                LANGUAGE: en
                SUBJECT: Fishermen of %s protest the new quotas

                Fishermen from the %s islands blocked the port of Sfax.
                """.formatted(word, word));
        pipeline.await("/api/matches", DemoPipeline.ANALYST, Duration.ofSeconds(90),
                n -> n.path("matches").toString().contains(word));
        chromium.signIn(pipeline, DemoPipeline.ANALYST);
        chromium.browser.get(pipeline.base() + "/#/search");
        WebElement match = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//h2[@id='new-matches']/following-sibling::ul[1]/li/a[contains(., '" + word + "')]")));
        assertThat(match.getAttribute("href")).contains("#/report/");
        chromium.screenshot("16-standing-query-matches");
        match.click();
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-body")));
        assertThat(chromium.browser.findElement(By.tagName("h1")).getText()).contains(word);
        assertThat(chromium.browser.getTitle()).contains(word);
    }

    /**
     * Makes the page's API answers for paths starting with {@code prefix} pass through {@code change} (a script
     * body that edits {@code page}, the parsed answer) first: for states the demo cannot be relied on to reach.
     */
    private void stubApi(String prefix, String change) {
        // the change is part of the script's text: the page's Content-Security-Policy forbids building code from a string
        chromium.script("""
                const prefix = arguments[0];
                const real = window.fetch;
                window.fetch = async (url, options) => {
                  const response = await real(url, options);
                  if (!String(url).startsWith(prefix) || !response.ok) return response;
                  const page = await response.json();
                """ + change + """
                  return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } });
                };
                """, prefix);
    }

    private List<String> levels(String table) {
        return texts(table + " tbody .level").stream().map(String::toLowerCase).toList();
    }

    private List<Double> scores(String table) {
        return texts(table + " tbody td:nth-child(3)").stream().map(Double::parseDouble).toList();
    }

    /**
     * The texts of what a selector finds, read in one script: the demo is still scoring while these tests
     * run, and a live update may redraw a table between finding its cells and reading them one by one.
     */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) chromium.script(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", selector);
    }

    @SuppressWarnings("unchecked")
    private List<String> unlabelled() {
        return (List<String>) chromium.script(UNLABELLED);
    }

    private void assertFocusOnHeading(String text) {
        chromium.wait.until(d -> "H1".equals(chromium.script("return document.activeElement.tagName")));
        assertThat((String) chromium.script("return document.activeElement.textContent")).contains(text);
    }

    /** Waits for the country chart; when it never comes, says what the page showed instead, so a failure can be read. */
    private void awaitChart() {
        try {
            chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-chart")));
            chromium.wait.until(d -> (Boolean) chromium.script("return window.Chart !== undefined && Chart.getChart('history-chart') !== undefined"));
        } catch (TimeoutException e) {
            throw new AssertionError("no country chart at " + chromium.script("return location.href") + "; the page shows: "
                    + chromium.script("const m = document.querySelector('main'); return m ? m.innerText.slice(0, 800) : document.body.innerText.slice(0, 800)"), e);
        }
    }

}
