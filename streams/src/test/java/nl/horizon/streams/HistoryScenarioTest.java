package nl.horizon.streams;

import nl.horizon.formats.CountryNames;
import nl.horizon.schema.Classification;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real history: the UCDP GED country-month fatality series 2005–2015 replayed as an event feed through
 * the whole topology, as the back-test does. Mali 2012 and South Sudan 2013 must raise a signal at their
 * onset and stay quiet in the calm years before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryScenarioTest {

    private final List<Signal> signals = new ArrayList<>();

    @BeforeAll
    void replay() throws IOException {
        Path file = Path.of(System.getProperty("horizon.root", "..")).resolve(
                "../shared/data/ucdp/country_month_fatalities_1989-2019.csv").normalize();
        Assumptions.assumeTrue(Files.exists(file), "shared test data not present: " + file);
        List<String> lines = Files.readAllLines(file);
        String[] countries = lines.get(0).split(",", -1);
        try (ScoringDriver driver = new ScoringDriver()) {
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                LocalDate monthEnd = LocalDate.parse(cells[0]);
                if (monthEnd.getYear() < 2005 || monthEnd.getYear() > 2015) {
                    continue;
                }
                for (int c = 1; c < cells.length; c++) {
                    double dead = cells[c].isBlank() ? 0 : Double.parseDouble(cells[c]);
                    String iso3 = CountryNames.standard().alpha3(countries[c]).orElse(null);
                    if (dead > 0 && iso3 != null) {
                        driver.pipe(new Report("event-data:ucdp-monthly:" + iso3 + "-" + monthEnd,
                                SourceKind.EVENT_DATA, "ucdp-monthly", List.of(iso3), "en",
                                monthEnd.atStartOfDay(ZoneOffset.UTC).toInstant(), countries[c] + " " + monthEnd, "",
                                Classification.PUBLIC, new EventFields(null, null, (int) dead, null, null), List.of(),
                                null, null));
                    }
                }
            }
            // the detector's signals: the forecast's warnings on the same topic are ForecastTopologyTest's
            driver.latestStandingSignals().values().stream()
                    .filter(s -> !s.detection().detector().equals(nl.horizon.streams.forecast.ForecastIssuer.DETECTOR))
                    .sorted(java.util.Comparator.comparing(Signal::day))
                    .forEach(signals::add);
        }
    }

    private List<Signal> of(String country) {
        return signals.stream().filter(s -> s.country().equals(country)).toList();
    }

    @Test
    void mali2012RisesAtTheOnsetAfterTwoCalmYears() {
        List<Signal> mali = of("MLI");
        assertThat(mali).filteredOn(s -> s.day().isAfter(LocalDate.of(2009, 12, 31))
                && s.day().isBefore(LocalDate.of(2012, 1, 31))).as("calm 2010-2011").isEmpty();
        Signal onset = mali.stream().filter(s -> s.day().equals(LocalDate.of(2012, 1, 31))).findFirst().orElseThrow();
        assertThat(onset.lifecycle()).isEqualTo(Lifecycle.NEW);
        assertThat(onset.level()).isEqualTo(RiskLevel.WARNING);
        assertThat(onset.detection().observed()).isEqualTo(144);
        assertThat(onset.detection().baseline()).isLessThan(5);
        assertThat(onset.evidenceReportIds()).containsExactly("event-data:ucdp-monthly:MLI-2012-01-31");
    }

    /**
     * South Sudan's series starts at independence (July 2011): the history of its tier began decades earlier,
     * so its first violence is judged against calm and the Jonglei massacres of August 2011 and January 2012
     * raise signals; then it is quiet until the December 2013 onset.
     */
    @Test
    void southSudan2013RisesInDecemberAfterAQuietYear() {
        List<Signal> southSudan = of("SSD");
        assertThat(southSudan).filteredOn(s -> s.day().isBefore(LocalDate.of(2012, 1, 1)))
                .extracting(Signal::day).contains(LocalDate.of(2011, 8, 31));
        assertThat(southSudan).filteredOn(s -> s.day().isAfter(LocalDate.of(2012, 4, 30))
                && s.day().isBefore(LocalDate.of(2013, 12, 31))).as("quiet from May 2012 to the onset").isEmpty();
        Signal onset = southSudan.stream().filter(s -> s.day().equals(LocalDate.of(2013, 12, 31))).findFirst()
                .orElseThrow();
        assertThat(onset.day()).isEqualTo(LocalDate.of(2013, 12, 31));
        assertThat(onset.lifecycle()).isEqualTo(Lifecycle.NEW);
        assertThat(onset.level()).isEqualTo(RiskLevel.WARNING);
        assertThat(onset.detection().observed()).isEqualTo(1536);
    }

    @Test
    void episodesCoolDownThroughTheirLifecycleInsteadOfFlapping() {
        List<Signal> mali2012 = of("MLI").stream().filter(s -> s.day().getYear() == 2012).toList();
        assertThat(mali2012).extracting(Signal::lifecycle).containsSubsequence(Lifecycle.NEW, Lifecycle.COOLING,
                Lifecycle.RESOLVED);
        assertThat(mali2012).filteredOn(s -> s.lifecycle() == Lifecycle.NEW).hasSize(1);
    }
}
