package nl.horizon.streams;

import nl.horizon.formats.CountryNames;
import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.StatePhase;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phase rule on real history: the UCDP GED country-month fatality series 1989–2019 of a few countries,
 * the Powell &amp; Thyne coups in them, and three dated facts that no shared table holds, as one-line posts
 * in our own words: rebels took Timbuktu on 2012-04-01, Mali signed the Algiers peace agreement on
 * 2015-06-20, Colombia's government and the FARC signed theirs on 2016-11-24. The figures are in
 * docs/scoring.md, section 6.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhaseHistoryTest {

    private static final Set<String> COUNTRIES = Set.of("MLI", "SOM", "COL", "SLE", "NPL", "LKA", "CIV", "CAF");
    private final List<CountryPhase> phases = new ArrayList<>();

    @BeforeAll
    void replay() throws IOException {
        Path data = Path.of(System.getProperty("horizon.root", "..")).resolve("../shared/data").normalize();
        Path deaths = data.resolve("ucdp/country_month_fatalities_1989-2019.csv");
        Path coups = data.resolve("conflict-labels/powell_thyne_coups_1950-2019.csv");
        Assumptions.assumeTrue(Files.exists(deaths) && Files.exists(coups), "shared test data not present: " + data);
        List<Report> reports = new ArrayList<>();
        List<String> lines = Files.readAllLines(deaths);
        String[] names = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LocalDate monthEnd = LocalDate.parse(cells[0]);
            for (int c = 1; c < cells.length; c++) {
                String iso3 = CountryNames.standard().alpha3(names[c]).orElse(null);
                int dead = cells[c].isBlank() ? 0 : (int) Double.parseDouble(cells[c]);
                if (dead > 0 && iso3 != null && COUNTRIES.contains(iso3)) {
                    reports.add(new Report("event-data:ucdp-monthly:" + iso3 + "-" + monthEnd, SourceKind.EVENT_DATA,
                            "ucdp-monthly", List.of(iso3), "en", monthEnd.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            names[c] + " " + monthEnd, "", Classification.PUBLIC,
                            new EventFields(null, null, dead, null, null), List.of(), null, null));
                }
            }
        }
        for (String line : Files.readAllLines(coups).subList(1, Files.readAllLines(coups).size())) {
            String[] cells = line.split(",", -1);
            String iso3 = CountryNames.standard().alpha3(cells[0]).orElse(null);
            LocalDate day = LocalDate.of(Integer.parseInt(cells[4]), Integer.parseInt(cells[5]), Integer.parseInt(cells[6]));
            if (iso3 != null && COUNTRIES.contains(iso3) && day.getYear() >= 1989) {
                reports.add(ScoringDriver.post("coup-" + iso3 + "-" + day, iso3, day, Classification.PUBLIC,
                        "Coup attempt: mutineers tried to seize power"));
            }
        }
        reports.add(ScoringDriver.post("timbuktu", "MLI", LocalDate.of(2012, 4, 1), Classification.PUBLIC,
                "Rebels took control of Timbuktu"));
        reports.add(ScoringDriver.post("algiers", "MLI", LocalDate.of(2015, 6, 20), Classification.PUBLIC,
                "Government and rebels signed the peace agreement in Bamako"));
        reports.add(ScoringDriver.post("havana", "COL", LocalDate.of(2016, 11, 24), Classification.PUBLIC,
                "Government and FARC signed a peace agreement in Bogota"));
        reports.sort(Comparator.comparing(Report::publishedAt).thenComparing(Report::id));
        try (ScoringDriver driver = new ScoringDriver()) {
            LocalDate month = null;
            for (Report report : reports) {
                LocalDate day = LocalDate.ofInstant(report.publishedAt(), ZoneOffset.UTC).withDayOfMonth(1);
                if (!day.equals(month)) {
                    driver.flush();
                    month = day;
                }
                driver.pipeOnly(report);
            }
            driver.latestPhases().values().stream().filter(p -> p.classification() == Classification.PUBLIC)
                    .sorted(Comparator.comparing(CountryPhase::country).thenComparing(CountryPhase::day))
                    .forEach(phases::add);
        }
        StringBuilder out = new StringBuilder();
        StatePhase[] last = {null};
        int[] changes = {0};
        String[] country = {""};
        phases.forEach(p -> {
            if (!p.country().equals(country[0])) {
                country[0] = p.country();
                last[0] = null;
            }
            if (p.phase() != last[0]) {
                changes[0]++;
                out.append(p.country()).append(' ').append(p.day()).append(' ').append(p.phase().label()).append(' ')
                        .append(p.criteria().stream().map(c -> c.id() + "=" + (long) c.observed()).toList()).append('\n');
                last[0] = p.phase();
            }
        });
        System.out.println(out + "phase changes: " + changes[0] + ", points: " + phases.size());
    }

    /** The phase of a country on a day: its latest point on or before it, stable before any. */
    private StatePhase on(String country, LocalDate day) {
        return phases.stream().filter(p -> p.country().equals(country) && !p.day().isAfter(day))
                .reduce((a, b) -> b).map(CountryPhase::phase).orElse(StatePhase.STABLE);
    }

    @Test
    void maliGoesFromDecayToFailureIn2012AndRecoversAfterTheAlgiersAgreement() {
        assertThat(on("MLI", LocalDate.of(2012, 3, 15))).isEqualTo(StatePhase.DECAY);
        CountryPhase collapse = at("MLI", LocalDate.of(2012, 4, 1));
        assertThat(collapse.phase()).isEqualTo(StatePhase.FAILURE);
        assertThat(collapse.criteria()).extracting(c -> c.id())
                .containsExactly("failure.coup-365", "failure.authority-90", "failure.armed-conflict-90");
        assertThat(collapse.evidence()).contains("post:bamako:timbuktu", "post:bamako:coup-MLI-2012-03-22");
        assertThat(on("MLI", LocalDate.of(2013, 2, 15))).as("Serval").isEqualTo(StatePhase.FAILURE);
        assertThat(on("MLI", LocalDate.of(2014, 6, 30))).isEqualTo(StatePhase.RECOVERY);
        assertThat(at("MLI", LocalDate.of(2015, 7, 31)).criteria()).extracting(c -> c.id())
                .contains("recovery.de-escalation-180");
        assertThat(on("MLI", LocalDate.of(2018, 6, 30))).isEqualTo(StatePhase.FAILURE);
    }

    @Test
    void somaliaIsInFailureFrom2006On() {
        for (int year = 2007; year <= 2019; year++) {
            assertThat(on("SOM", LocalDate.of(year, 6, 30))).as("Somalia %s", year).isEqualTo(StatePhase.FAILURE);
        }
    }

    @Test
    void colombiaRecoversAfter2016AndSierraLeoneAndNepalAfterTheirWars() {
        assertThat(on("COL", LocalDate.of(2002, 6, 30))).isEqualTo(StatePhase.FAILURE);
        assertThat(on("COL", LocalDate.of(2010, 6, 30))).isEqualTo(StatePhase.DECAY);
        assertThat(on("COL", LocalDate.of(2017, 1, 31))).isEqualTo(StatePhase.RECOVERY);
        assertThat(on("COL", LocalDate.of(2019, 6, 30))).as("violence rose again in 2018").isEqualTo(StatePhase.DECAY);
        assertThat(on("SLE", LocalDate.of(2002, 6, 30))).isEqualTo(StatePhase.RECOVERY);
        assertThat(on("SLE", LocalDate.of(2005, 1, 1))).isEqualTo(StatePhase.STABLE);
        assertThat(on("NPL", LocalDate.of(2007, 6, 30))).isEqualTo(StatePhase.RECOVERY);
    }

    /** The point published on a day. */
    private CountryPhase at(String country, LocalDate day) {
        return phases.stream().filter(p -> p.country().equals(country) && p.day().equals(day)).findFirst().orElseThrow();
    }
}
