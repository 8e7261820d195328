package nl.horizon.app.web;

import nl.horizon.app.views.Briefing;
import nl.horizon.app.views.CountryLine;
import nl.horizon.app.views.CountryPage;
import nl.horizon.app.views.LevelThresholds;
import nl.horizon.app.views.Overview;
import nl.horizon.app.views.WhyLevel;
import nl.horizon.index.HorizonIndex;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Contribution;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Detection;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Trend;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.scoring.IndicatorExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The meeting's views built from an index on disk, no broker: who the briefing lists, who rose, why a level
 * differs, which evidence comes first, and what the period is when none is asked for.
 */
class SituationTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 12);

    @TempDir
    Path dir;
    private HorizonIndex index;
    private Situation situation;

    private static CountryRisk point(String country, String day, double score, RiskLevel level, String heldBack) {
        return new CountryRisk(country, LocalDate.parse(day), score, level, Trend.RISING,
                List.of(new Contribution("security.armed-clash", 5, 0.7, score)), heldBack, Classification.PUBLIC,
                new Revision(1, LAST, false));
    }

    private static Report report(String id, SourceKind kind, String day, String title, EventFields event) {
        return new Report(id, kind, "src", List.of("MLI"), "en", Instant.parse(day + "T08:00:00Z"), title, title,
                Classification.PUBLIC, event, List.of("https://example.org/" + id), null, null);
    }

    @BeforeEach
    void fill() throws Exception {
        index = HorizonIndex.open(dir);
        index.upsert(point("MLI", "2026-11-01", 40, RiskLevel.WATCH, null));
        index.upsert(point("MLI", "2026-11-10", 75, RiskLevel.ALERT, null));
        index.upsert(point("MLI", "2026-11-12", 65, RiskLevel.ALERT, null));
        index.upsert(point("HTI", "2026-11-05", 97, RiskLevel.WARNING,
                "alert needs evidence from 2 independent source kinds; this has 1 (event-data)"));
        index.upsert(point("NER", "2026-10-01", 55, RiskLevel.WARNING, null));
        index.upsert(point("NER", "2026-11-06", 20, RiskLevel.CALM, null));
        index.upsert(point("TCD", "2026-11-09", 35, RiskLevel.WATCH, null));
        index.upsert(report("event-data:acled:1", SourceKind.EVENT_DATA, "2026-11-09", "Battles: armed clash in Gao",
                new EventFields("Battles", "Armed clash", 2, null, null)));
        index.upsert(report("post:bamako:1", SourceKind.POST, "2026-11-08", "Armed groups attacked convoys near Gao", null));
        index.upsert(new Signal("MLI:public:2026-11-10:new", "MLI", LocalDate.of(2026, 11, 10), Lifecycle.NEW,
                RiskLevel.ALERT, 75, 35, new Detection("d", "2", "security.armed-clash", 9, 2, 5, 70),
                List.of("event-data:acled:1"), Set.of(SourceKind.POST, SourceKind.EVENT_DATA), Classification.PUBLIC,
                new Revision(1, LAST, false)));
        index.refresh();
        ScoringModel model = ScoringModel.load(Path.of(System.getProperty("horizon.root", "..")).resolve("config"));
        situation = new Situation(index.search(), LevelThresholds.of(model.settings()),
                new IndicatorExtractor(model.taxonomy()), model.settings().recentDays(), TierBoard.byDay(),
                TierBoard.byMonth());
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void theBriefingOfTheLatestWeekListsEveryWarningAndAlertCountryAndNewcomersRise() throws Exception {
        Briefing briefing = situation.briefing(null, null, Classification.PUBLIC, 5);
        assertThat(briefing.to()).as("the latest scored day, not the wall clock").isEqualTo(LAST);
        assertThat(briefing.from()).isEqualTo(LAST.minusDays(Situation.DEFAULT_BRIEFING_DAYS));
        assertThat(briefing.countries()).extracting(c -> c.standing().country() + " " + c.highest().label())
                .as("alerts first; Niger was at warning when the period began").containsExactly("MLI alert", "HTI warning",
                        "NER warning");
        assertThat(briefing.risers()).extracting(CountryLine::country, CountryLine::change)
                .as("Chad, first scored in the period, rose from 0").contains(
                        org.assertj.core.groups.Tuple.tuple("TCD", 35.0), org.assertj.core.groups.Tuple.tuple("MLI", 25.0));
        assertThat(briefing.countries().getFirst().evidence()).extracting(Report::id)
                .as("the post behind the alert, before the event row it lists")
                .containsExactly("post:bamako:1", "event-data:acled:1");
        assertThat(briefing.alerts()).extracting(a -> a.signal().headline()).containsExactly("Mali: new alert");
        assertThatThrownBy(() -> situation.briefing(LAST, LAST.minusDays(1), Classification.PUBLIC, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
    }

    @Test
    void theOverviewIsInTheMeetingsOrderAndExplainsLevels() throws Exception {
        Overview overview = situation.overview(Classification.PUBLIC, null);
        assertThat(overview.asOf()).isEqualTo(LAST);
        assertThat(overview.countries()).extracting(CountryLine::country).containsExactly("MLI", "HTI", "TCD", "NER");
        assertThat(overview.countries().get(0).whyLevel().cause()).isEqualTo(WhyLevel.Cause.HYSTERESIS);
        assertThat(overview.countries().get(1).whyLevel().cause()).isEqualTo(WhyLevel.Cause.HELD_BACK);
        assertThat(overview.countries().get(2).whyLevel()).isNull();
        assertThat(overview.changes()).extracting(s -> s.signal().id()).containsExactly("MLI:public:2026-11-10:new");
    }

    @Test
    void aCountryPageIsDailyAndDrillsDownToTheReportsOfEachIndicator() throws Exception {
        CountryPage page = situation.country("MLI", Visibility.of(Classification.PUBLIC));
        assertThat(page.history()).hasSize(12);
        assertThat(page.history().get(5).score()).as("an unchanged day repeats the one before").isEqualTo(40);
        assertThat(page.indicators()).singleElement().satisfies(i -> {
            assertThat(i.indicator()).isEqualTo("security.armed-clash");
            assertThat(i.evidence()).extracting(e -> e.id()).containsExactly("post:bamako:1", "event-data:acled:1");
            assertThat(i.evidence().getFirst().link()).isEqualTo("https://example.org/post:bamako:1");
        });
        assertThat(page.evidence()).extracting(Report::id).containsExactly("post:bamako:1", "event-data:acled:1");
        assertThat(situation.country("FRA", Visibility.of(Classification.PUBLIC)).latest()).isNull();
    }
}
