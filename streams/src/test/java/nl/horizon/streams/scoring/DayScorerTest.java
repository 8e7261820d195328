package nl.horizon.streams.scoring;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Contribution;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.RepoConfig;
import nl.horizon.streams.ScoringModel;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One country tier scored day by day with the shipped configuration: how relief moves a score. */
class DayScorerTest {

    private static final ScoringModel MODEL = RepoConfig.model();
    private static final long START = LocalDate.of(2010, 1, 1).toEpochDay();
    /** A deadly onset after a year of calm. */
    private static final long ONSET = START + 400;
    /** A CrisisWatch entry on Mali, ten days after the onset. */
    private static final long ENTRY = ONSET + 10;
    private static final long END = ONSET + 150;

    private final DayScorer scorer = new DayScorer(MODEL.taxonomy(), MODEL.settings());

    /** What one scored day left: the held score, the level and the risk point published, if any. */
    private record Day(long day, double held, RiskLevel level, CountryRisk risk) {
    }

    private static void count(TierState state, String indicator, long day, String id, SourceKind kind) {
        state.count(indicator, day, id, 1, 20);
        state.reportedBy(indicator, day, kind);
    }

    /** A year of calm with a few deaths, then 150 killed in battles over a few days. */
    private static TierState episode() {
        TierState state = new TierState();
        for (long day = START + 30; day < ONSET; day += 90) {
            state.count("security.fatalities", day, "ucdp:" + day, 2, 20);
            state.reportedBy("security.fatalities", day, SourceKind.EVENT_DATA);
        }
        for (int i = 0; i < 4; i++) {
            state.count("security.fatalities", ONSET + i, "ucdp:onset-" + i, 40, 20);
            state.reportedBy("security.fatalities", ONSET + i, SourceKind.EVENT_DATA);
            count(state, "security.armed-clash", ONSET + i, "ucdp:onset-" + i, SourceKind.EVENT_DATA);
        }
        return state;
    }

    /** The CrisisWatch entry: Mali improved, and a resolution opportunity. */
    private static TierState withImprovement(TierState state) {
        count(state, "crisiswatch.improved", ENTRY, "crisis-watch:2010-12:MLI", SourceKind.CRISIS_WATCH);
        count(state, "crisiswatch.resolution-opportunity", ENTRY, "crisis-watch:2010-12:MLI",
                SourceKind.CRISIS_WATCH);
        return state;
    }

    private List<Day> scoreThrough(TierState state, long to) {
        TierStanding standing = new TierStanding();
        List<Day> days = new ArrayList<>();
        for (long day = START; day <= to; day++) {
            DayScorer.Outcome outcome = scorer.close("MLI", Classification.PUBLIC, state, standing, START, day);
            days.add(new Day(day, standing.heldScore, standing.level, outcome.risk().orElse(null)));
        }
        return days;
    }

    private static Day on(List<Day> days, long day) {
        return days.get((int) (day - START));
    }

    /** The first day from the onset on whose level is below the episode's peak level. */
    private static long firstDayBelow(List<Day> days, RiskLevel peak) {
        return days.stream().filter(d -> d.day() > ONSET && d.level().compareTo(peak) < 0).findFirst()
                .orElseThrow().day();
    }

    @Test
    void anEpisodeCoolsFasterAfterACrisisWatchImprovementAndResolutionOpportunity() {
        List<Day> without = scoreThrough(episode(), END);
        List<Day> with = scoreThrough(withImprovement(episode()), END);
        RiskLevel peak = on(without, ENTRY - 1).level();
        assertThat(peak).as("the onset raised a warning").isEqualTo(RiskLevel.WARNING);
        assertThat(on(with, ENTRY - 1)).as("the same until the entry").isEqualTo(on(without, ENTRY - 1));

        double relief = 1 - on(with, ENTRY).held() / on(without, ENTRY).held();
        assertThat(relief).as("the entry takes about a tenth off the score").isBetween(0.05, 0.2);
        assertThat(1 - on(with, ENTRY + 20).held() / on(without, ENTRY + 20).held())
                .as("the memory is relieved once by the entry, not again on every day it stays in the window")
                .isCloseTo(relief, Offset.offset(1e-9));
        assertThat(firstDayBelow(with, peak)).as("it leaves the warning sooner")
                .isLessThan(firstDayBelow(without, peak));
        assertThat(firstDayBelow(with, RiskLevel.WATCH)).as("and returns to calm no later")
                .isLessThanOrEqualTo(firstDayBelow(without, RiskLevel.WATCH));
    }

    @Test
    void reliefNeverRaisesAScoreOrALevel() {
        List<Day> without = scoreThrough(episode(), END);
        List<Day> with = scoreThrough(withImprovement(episode()), END);
        for (int i = 0; i < with.size(); i++) {
            assertThat(with.get(i).held()).as("day %d", i).isLessThanOrEqualTo(without.get(i).held());
            assertThat(with.get(i).level()).as("day %d", i).isLessThanOrEqualTo(without.get(i).level());
        }
    }

    @Test
    void deEscalationAloneScoresNothing() {
        TierState state = new TierState();
        for (long day = START + 20; day <= END; day += 30) {
            count(state, "crisiswatch.improved", day, "crisis-watch:" + day, SourceKind.CRISIS_WATCH);
            count(state, "crisiswatch.resolution-opportunity", day, "crisis-watch:" + day, SourceKind.CRISIS_WATCH);
            for (int i = 0; i < 3; i++) {
                count(state, "political.peace-progress", day + i, "post:" + day + ":" + i, SourceKind.POST);
            }
        }
        assertThat(scoreThrough(state, END)).allSatisfy(d -> {
            assertThat(d.held()).isZero();
            assertThat(d.level()).isEqualTo(RiskLevel.CALM);
            assertThat(d.risk() == null || d.risk().score() == 0 && d.risk().contributions().isEmpty()).isTrue();
        });
    }

    @Test
    void contributionsAddUpToTheScoreWithReliefAsNegativeParts() {
        List<CountryRisk> risks = scoreThrough(withImprovement(episode()), END).stream().map(Day::risk)
                .filter(r -> r != null).toList();
        assertThat(risks).allSatisfy(r -> assertThat(r.contributions().stream()
                .mapToDouble(Contribution::contribution).sum())
                .as("%s", r.day()).isCloseTo(r.score(), Offset.offset(0.05 * r.contributions().size() + 0.05)));
        CountryRisk relieved = risks.stream().filter(r -> !r.day().isBefore(LocalDate.ofEpochDay(ENTRY)))
                .findFirst().orElseThrow();
        assertThat(relieved.contributions()).filteredOn(c -> c.contribution() < 0).extracting(Contribution::indicator)
                .containsExactlyInAnyOrder("crisiswatch.improved", "crisiswatch.resolution-opportunity");
        assertThat(relieved.contributions()).filteredOn(c -> c.contribution() > 0).extracting(Contribution::indicator)
                .contains("security.fatalities");
        assertThat(relieved.contributions()).last().as("relief last")
                .satisfies(c -> assertThat(c.contribution()).isNegative());
    }
}
