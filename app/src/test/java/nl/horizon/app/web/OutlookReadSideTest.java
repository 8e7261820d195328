package nl.horizon.app.web;

import nl.horizon.app.views.CountryPage;
import nl.horizon.app.views.LevelThresholds;
import nl.horizon.index.HorizonIndex;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.PhaseCriterion;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.StatePhase;
import nl.horizon.schema.Trend;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.scoring.IndicatorExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The overview and the country page carry the current phase and the latest forecast of the tier the caller's
 * risk comes from: a public reader never sees what the secret tier derived, nor learns from it that secret
 * input exists.
 */
class OutlookReadSideTest {

    private static final LocalDate DAY = LocalDate.of(2012, 4, 1);

    @TempDir
    Path dir;
    private HorizonIndex index;
    private final TierBoard<CountryPhase> board = TierBoard.byDay();

    @BeforeEach
    void setUp() throws Exception {
        index = HorizonIndex.open(dir);
        for (Classification tier : List.of(Classification.PUBLIC, Classification.SECRET)) {
            index.upsert(new CountryRisk("MLI", DAY, 40, RiskLevel.WATCH, Trend.RISING, List.of(), null, tier,
                    new Revision(1, DAY, false)));
        }
        index.refresh();
        board.apply(key(Classification.PUBLIC, DAY.minusDays(60)), phase(StatePhase.TENSION, Classification.PUBLIC, DAY.minusDays(60)));
        board.apply(key(Classification.PUBLIC, DAY), phase(StatePhase.DECAY, Classification.PUBLIC, DAY));
        board.apply(key(Classification.SECRET, DAY), phase(StatePhase.FAILURE, Classification.SECRET, DAY));
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
    }

    private static String key(Classification tier, LocalDate day) {
        return CountryPhase.key("MLI", tier, day);
    }

    private static CountryPhase phase(StatePhase phase, Classification tier, LocalDate day) {
        return new CountryPhase("MLI", day, phase, day, List.of(new PhaseCriterion("decay.deaths-365",
                List.of("security.fatalities"), day.minusDays(364), day, 144, PhaseCriterion.AT_LEAST, 25)),
                List.of("event-data:ucdp:" + tier.label()), tier, new Revision(1, day, false));
    }

    @Test
    void eachCallerSeesThePhaseOfTheTierTheirRiskComesFrom() throws Exception {
        Situation situation = situation(board);

        CountryPage open = situation.country("MLI", Visibility.of(Classification.PUBLIC));
        CountryPage cleared = situation.country("MLI", Visibility.of(Classification.SECRET));

        assertThat(open.phase().phase()).isEqualTo(StatePhase.DECAY);
        assertThat(open.phase().evidence()).containsExactly("event-data:ucdp:public");
        assertThat(cleared.phase().phase()).isEqualTo(StatePhase.FAILURE);
        assertThat(situation.overview(Classification.PUBLIC, null).countries())
                .extracting(line -> line.phase().phase()).containsExactly(StatePhase.DECAY);
        assertThat(situation.overview(Classification.SECRET, null).countries())
                .extracting(line -> line.phase().classification()).containsExactly(Classification.SECRET);
    }

    @Test
    void eachCallerSeesTheLatestForecastOfTheirTier() throws Exception {
        TierBoard<Forecast> forecasts = TierBoard.byMonth();
        forecasts.apply("MLI:public:2012-02", forecast(Classification.PUBLIC, YearMonth.of(2012, 2), 0.06));
        forecasts.apply("MLI:public:2012-03", forecast(Classification.PUBLIC, YearMonth.of(2012, 3), 0.09));
        forecasts.apply("MLI:secret:2012-03", forecast(Classification.SECRET, YearMonth.of(2012, 3), 0.31));
        ScoringModel model = ScoringModel.load(Path.of(System.getProperty("horizon.root", "..")).resolve("config"));
        Situation situation = new Situation(index.search(), LevelThresholds.of(model.settings()),
                new IndicatorExtractor(model.taxonomy()), model.settings().recentDays(), board, forecasts);

        assertThat(situation.country("MLI", Visibility.of(Classification.PUBLIC)).forecast().horizon(3).probability())
                .isEqualTo(0.09);
        assertThat(situation.country("MLI", Visibility.of(Classification.SECRET)).forecast().horizon(3).probability())
                .isEqualTo(0.31);
        assertThat(situation.overview(Classification.PUBLIC, null).countries())
                .extracting(line -> line.forecast().month()).containsExactly(YearMonth.of(2012, 3));
        forecasts.apply("MLI:secret:2012-03", null);
        assertThat(situation.country("MLI", Visibility.of(Classification.SECRET)).forecast().classification())
                .as("a tier without fatalities of its own reads the forecast of the tier below it")
                .isEqualTo(Classification.PUBLIC);
        forecasts.apply("MLI:public:2012-03", null);
        assertThat(situation.country("MLI", Visibility.of(Classification.PUBLIC)).forecast().month())
                .as("a withdrawn month brings back the month before").isEqualTo(YearMonth.of(2012, 2));
        assertThatThrownBy(() -> forecasts.apply("MLI:public:2012-03-01", null)).hasMessageContaining("does not end in a month");
    }

    private static Forecast forecast(Classification tier, YearMonth month, double p3) {
        LocalDate issued = month.atEndOfMonth();
        return new Forecast("MLI", month, issued, "forecast-1", List.of(new Forecast.Horizon(3, p3, List.of(
                new Forecast.FeatureContribution("conflict.log_deaths_12m", 3.2, 0.8, 0.4)))), List.of(), tier,
                new Revision(1, issued, false));
    }

    @Test
    void aTombstoneOnTheLatestDayBringsBackTheDayBefore() throws Exception {
        board.apply(key(Classification.PUBLIC, DAY), null);
        assertThat(board.current("MLI", Classification.PUBLIC)).map(CountryPhase::phase).contains(StatePhase.TENSION);
        board.apply(key(Classification.PUBLIC, DAY.minusDays(60)), null);
        assertThat(board.current("MLI", Classification.PUBLIC)).isEmpty();
        assertThat(situation(board).country("MLI", Visibility.of(Classification.PUBLIC)).phase())
                .as("no phase: stable").isNull();
    }

    @Test
    void aKeyThatIsNotCountryTierDayIsRefused() {
        assertThatThrownBy(() -> board.apply("MLI", null)).hasMessageContaining("<country>:<tier>:<period>");
        assertThatThrownBy(() -> board.apply("MLI:public:yesterday", null)).hasMessageContaining("does not end in a day");
    }

    /** The read side as the launcher wires it, over this test's index and phases. */
    private Situation situation(TierBoard<CountryPhase> phases) {
        ScoringModel model = ScoringModel.load(Path.of(System.getProperty("horizon.root", "..")).resolve("config"));
        return new Situation(index.search(), LevelThresholds.of(model.settings()), new IndicatorExtractor(model.taxonomy()),
                model.settings().recentDays(), phases, TierBoard.byMonth());
    }
}
