package nl.horizon.streams.scoring;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Contribution;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Detection;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one closed day of one country tier.
 *
 * <p><b>Per indicator</b>: its total over the recent window against the total expected from the baseline
 * window before it (scaled to the recent window's length, never below {@code min.baseline}); the
 * surprise is −log10 of the negative-binomial probability of a total at least that high. Below the
 * indicator's floor it counts nothing. Its value 0–10 is the surprise relative to
 * {@code surprise.saturation}.
 *
 * <p><b>Composite</b> 0–100: {@code 100·(1 − Π(1 − wᵢ·vᵢ/10))}, a probabilistic "or": one strong
 * indicator raises the score, several moderate ones combine, none adds more than its weight allows.
 * Each indicator's contribution is its share of {@code −Σ ln(1 − wᵢ·vᵢ/10)}, so contributions add up
 * exactly to the score.
 *
 * <p><b>Memory</b>: the published score is a decayed maximum of the daily composite: it rises at once
 * with new evidence and otherwise halves over {@code decay.half.life.days}, its contributions scaled
 * alike, so an episode cools down instead of switching off the day its evidence leaves the window.
 *
 * <p><b>Relief</b>: indicators of {@link Direction#DE_ESCALATION} (an "improved" arrow, a ceasefire agreed)
 * are scored alike but do not enter the composite. Their relief {@code R = 1 − Π(1 − wⱼ·vⱼ/10)} takes the
 * share {@code R} off the day's composite, and the memory is relieved by the relief that is new that day
 * (by {@code (1 − Rₜ)/(1 − Rₜ₋₁)} when relief rose), so an episode cools faster after good news, and one
 * month's good news relieves the memory once, not again on every day it stays in the window. Relief only
 * multiplies by factors in (0, 1]: it never raises a score, never below 0, and it lowers a level only
 * through the score and the hysteresis below. Escalating contributions add up to what the score would be
 * without relief; each de-escalation indicator's contribution is negative, the points its relief took off,
 * so all contributions still add up to the score.
 *
 * <p><b>Level</b>: entered at its threshold, left only {@code hysteresis} points below it; no level above
 * calm during warm-up or within the cooldown after a return to calm; the top level only with evidence
 * from {@code corroboration.source.kinds} independent source kinds. A signal is raised when the level
 * changes, and as a "sustained" reminder while it holds. A level held back by warm-up, cooldown or the
 * corroboration rule says why on the risk point.
 *
 * <p>It reads only the tier's cells and the standing it is given, never the clock or the order input
 * arrived in: {@link TierRescorer} runs it over a range of days whenever the cells change.
 */
public final class DayScorer {

    /** Name of this detector on every signal. */
    public static final String DETECTOR = "negative-binomial-composite";
    /** Changes whenever the same input may give a different output. */
    public static final String VERSION = "2";
    private static final double TREND_STEP = 5;

    private final Taxonomy taxonomy;
    private final ScoringSettings settings;

    public DayScorer(Taxonomy taxonomy, ScoringSettings settings) {
        this.taxonomy = taxonomy;
        this.settings = settings;
    }

    /** What closing a day gave: a new risk record and a signal, each if anything changed. */
    public record Outcome(Optional<CountryRisk> risk, Optional<Signal> signal) {
    }

    private record Scored(Indicator indicator, double observed, double expected, double surprise, double value,
                          double strength) {
    }

    /**
     * Whether scoring {@code day} would do nothing but forget old trend scores: the tier is calm, holds
     * no score and no story falls in the day's windows. Lets a re-score skip quiet stretches.
     */
    public boolean idle(TierState state, TierStanding standing, long day) {
        long baselineFrom = day - settings.recentDays() + 1 - settings.baselineDays();
        return standing.level == RiskLevel.CALM && standing.heldScore == 0 && standing.publishedScore <= 0
                && !state.active(baselineFrom, day);
    }

    /** Forgets the trend scores that no day from {@code day} on looks at. */
    public void forgetTrendBefore(TierStanding standing, long day) {
        standing.scores.headMap(settings.trendMemoryFrom(day)).clear();
    }

    /**
     * Scores {@code day} from the tier's cells and moves {@code standing} on to the next day.
     *
     * @param historyStart the first event day of any input the tier has: a country is known to have been
     *                     quiet since then where it has no cells, and the warm-up counts from it
     */
    public Outcome close(String country, Classification tier, TierState state, TierStanding standing,
                         long historyStart, long day) {
        long recentFrom = day - settings.recentDays() + 1;
        long baselineFrom = recentFrom - settings.baselineDays();
        if (idle(state, standing, day)) {
            forgetTrendBefore(standing, day);
            return new Outcome(Optional.empty(), Optional.empty());
        }
        List<Scored> scored = new ArrayList<>();
        for (Indicator indicator : taxonomy.indicators()) {
            Scored s = score(indicator, state, historyStart, day, recentFrom, baselineFrom);
            if (s != null) {
                scored.add(s);
            }
        }
        List<Scored> raising = scored.stream().filter(s -> !s.indicator().deEscalating()).toList();
        List<Scored> relieving = scored.stream().filter(s -> s.indicator().deEscalating()).toList();
        double sumStrength = strength(raising);
        double relief = strength(relieving);
        double newRelief = relief == 0 ? 0 : Math.max(0, relief - reliefOn(state, historyStart, day - 1));
        double unrelieved = 100 * (1 - Math.exp(-sumStrength));
        double today = unrelieved * Math.exp(-relief);
        double decayed = standing.heldScore * Math.pow(0.5, 1 / settings.decayHalfLifeDays());
        double relievedMemory = decayed * Math.exp(-newRelief);
        List<Contribution> contributions = new ArrayList<>();
        if (today >= relievedMemory) {
            for (Scored s : raising) {
                if (s.strength() > 0) {
                    contributions.add(new Contribution(s.indicator().id(), round(s.value()), s.indicator().weight(),
                            unrelieved * s.strength() / sumStrength));
                }
            }
            contributions = relieved(contributions, relieving, unrelieved - today);
            standing.heldScore = today;
        } else {
            double factor = standing.heldScore == 0 ? 0 : decayed / standing.heldScore;
            for (Contribution c : standing.heldContributions) {
                contributions.add(new Contribution(c.indicator(), c.value(), c.weight(), c.contribution() * factor));
            }
            contributions = relieved(contributions, relieving, decayed - relievedMemory);
            standing.heldScore = relievedMemory < 0.05 ? 0 : relievedMemory;
        }
        contributions.sort(Comparator.comparingDouble(Contribution::contribution).reversed()
                .thenComparing(Contribution::indicator));
        standing.heldContributions = standing.heldScore == 0 ? new ArrayList<>() : contributions;
        double score = round(standing.heldScore);
        List<Contribution> published = contributions.stream().map(c -> new Contribution(c.indicator(), c.value(),
                c.weight(), round(c.contribution()))).filter(c -> c.contribution() != 0).toList();
        Set<SourceKind> kinds = sourceKinds(state, raising, recentFrom, day);
        Trend trend = trend(standing, day, score);
        standing.scores.put(day, score);

        RiskLevel previous = standing.level;
        Decision decision = nextLevel(standing, historyStart, day, score, kinds);
        RiskLevel level = decision.level();
        Optional<Signal> signal = signal(country, tier, state, standing, day, score, previous, level, scored, kinds);
        standing.level = level;
        if (level == RiskLevel.CALM && previous != RiskLevel.CALM) {
            standing.cooldownUntil = day + settings.cooldownDays();
        }

        Optional<CountryRisk> risk = Optional.empty();
        if (score != standing.publishedScore || level != standing.publishedLevel
                || !Objects.equals(decision.heldBack(), standing.publishedHeldBack)) {
            risk = Optional.of(new CountryRisk(country, LocalDate.ofEpochDay(day), score, level, trend, published,
                    decision.heldBack(), tier, null));
            standing.publishedScore = score;
            standing.publishedLevel = level;
            standing.publishedHeldBack = decision.heldBack();
        }
        forgetTrendBefore(standing, day);
        return new Outcome(risk, signal);
    }

    /** {@code −Σ ln(1 − wᵢ·vᵢ/10)}: the strengths of indicators combine by adding (in taxonomy order). */
    private static double strength(List<Scored> scored) {
        double sum = 0;
        for (Scored s : scored) {
            sum += s.strength();
        }
        return sum;
    }

    /**
     * The strength of the de-escalation indicators on {@code day}, from the cells alone (never from the
     * standing), so that what is new relief on the next day does not depend on where a re-score started.
     */
    private double reliefOn(TierState state, long historyStart, long day) {
        long recentFrom = day - settings.recentDays() + 1;
        double strength = 0;
        for (Indicator indicator : taxonomy.indicators()) {
            if (indicator.deEscalating()) {
                Scored s = score(indicator, state, historyStart, day, recentFrom, recentFrom - settings.baselineDays());
                strength += s == null ? 0 : s.strength();
            }
        }
        return strength;
    }

    /**
     * {@code contributions} with {@code points} taken off by the de-escalation indicators, as negative
     * contributions shared by their strength and added to any each already has.
     */
    private static List<Contribution> relieved(List<Contribution> contributions, List<Scored> relieving,
                                               double points) {
        double strength = strength(relieving);
        if (points <= 0 || strength <= 0) {
            return contributions;
        }
        Map<String, Contribution> byIndicator = new LinkedHashMap<>();
        contributions.forEach(c -> byIndicator.put(c.indicator(), c));
        for (Scored s : relieving) {
            if (s.strength() > 0) {
                double taken = points * s.strength() / strength;
                Contribution before = byIndicator.get(s.indicator().id());
                byIndicator.put(s.indicator().id(), new Contribution(s.indicator().id(), round(s.value()),
                        s.indicator().weight(), (before == null ? 0 : before.contribution()) - taken));
            }
        }
        return new ArrayList<>(byIndicator.values());
    }

    private Scored score(Indicator indicator, TierState state, long historyStart, long day, long recentFrom,
                         long baselineFrom) {
        double observed = state.total(indicator.id(), recentFrom, day);
        double baseline = state.total(indicator.id(), baselineFrom, recentFrom - 1);
        if (observed == 0 && baseline == 0) {
            return null;
        }
        long history = Math.min(settings.baselineDays(), recentFrom - historyStart);
        double expected = Math.max(settings.minBaseline(),
                history <= 0 ? 0 : baseline * settings.recentDays() / Math.max(history, settings.recentDays()));
        double surprise = observed < indicator.floor() ? 0
                : NegativeBinomial.surprise(Math.round(observed), expected, settings.dispersion());
        double value = Math.min(10, 10 * surprise / settings.surpriseSaturation());
        double q = Math.min(0.999, indicator.weight() * value / 10);
        return new Scored(indicator, observed, expected, surprise, value, -Math.log1p(-q));
    }

    private Set<SourceKind> sourceKinds(TierState state, List<Scored> scored, long from, long to) {
        Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
        for (Scored s : scored) {
            if (s.strength() > 0) {
                state.addKinds(s.indicator().id(), from, to, kinds);
            }
        }
        return kinds;
    }

    /** A level, and why it is lower than the score alone would give, if it is. */
    private record Decision(RiskLevel level, String heldBack) {
    }

    private Decision nextLevel(TierStanding standing, long historyStart, long day, double score,
                               Set<SourceKind> kinds) {
        RiskLevel current = standing.level;
        RiskLevel next = levelFor(score);
        if (next.compareTo(current) < 0) {
            // a level is left only below its threshold minus the hysteresis, and then only as far as that margin allows
            next = score >= threshold(current) - settings.hysteresis() ? current : levelFor(score + settings.hysteresis());
        }
        String heldBack = null;
        if (next == RiskLevel.ALERT && kinds.size() < settings.corroborationSourceKinds()) {
            next = RiskLevel.WARNING;
            heldBack = "alert needs evidence from " + settings.corroborationSourceKinds()
                    + " independent source kinds; this has " + kinds.size() + " ("
                    + String.join(", ", kinds.stream().map(SourceKind::label).toList()) + ")";
        }
        boolean warmingUp = day - historyStart < settings.warmupDays();
        boolean coolingDown = current == RiskLevel.CALM && day < standing.cooldownUntil;
        if (next != RiskLevel.CALM && (warmingUp || coolingDown) && current == RiskLevel.CALM) {
            heldBack = warmingUp
                    ? "warm-up: input since " + LocalDate.ofEpochDay(historyStart) + ", levels from "
                    + LocalDate.ofEpochDay(historyStart + settings.warmupDays())
                    : "cooldown after returning to calm, until " + LocalDate.ofEpochDay(standing.cooldownUntil);
            next = RiskLevel.CALM;
        }
        return new Decision(next, heldBack);
    }

    private RiskLevel levelFor(double score) {
        if (score >= settings.levels().alert()) {
            return RiskLevel.ALERT;
        }
        if (score >= settings.levels().warning()) {
            return RiskLevel.WARNING;
        }
        return score >= settings.levels().watch() ? RiskLevel.WATCH : RiskLevel.CALM;
    }

    private double threshold(RiskLevel level) {
        return switch (level) {
            case ALERT -> settings.levels().alert();
            case WARNING -> settings.levels().warning();
            case WATCH -> settings.levels().watch();
            case CALM -> 0;
        };
    }

    private Optional<Signal> signal(String country, Classification tier, TierState state, TierStanding standing,
                                    long day, double score, RiskLevel previous, RiskLevel level, List<Scored> scored,
                                    Set<SourceKind> kinds) {
        Lifecycle lifecycle;
        if (level.compareTo(previous) > 0) {
            lifecycle = previous == RiskLevel.CALM ? Lifecycle.NEW : Lifecycle.ESCALATING;
        } else if (level.compareTo(previous) < 0) {
            lifecycle = level == RiskLevel.CALM ? Lifecycle.RESOLVED : Lifecycle.COOLING;
        } else if (level != RiskLevel.CALM && day - standing.lastSignalDay >= settings.sustainedDays()) {
            lifecycle = Lifecycle.SUSTAINED;
        } else {
            return Optional.empty();
        }
        Scored top = scored.stream().filter(s -> !s.indicator().deEscalating())
                .max(Comparator.comparingDouble(Scored::strength)
                        .thenComparing(s -> s.indicator().id(), Comparator.reverseOrder())).orElse(null);
        Detection detection = top == null
                ? new Detection(DETECTOR, VERSION, "none", 0, 0, 0, threshold(level))
                : new Detection(DETECTOR, VERSION, top.indicator().id(), round(top.observed()), round(top.expected()),
                round(top.surprise()), threshold(level == RiskLevel.CALM ? previous : level));
        double delta = round(score - standing.lastSignalScore);
        standing.lastSignalDay = day;
        standing.lastSignalScore = score;
        LocalDate date = LocalDate.ofEpochDay(day);
        return Optional.of(new Signal(country + ":" + tier.label() + ":" + date + ":" + lifecycle.label(), country, date,
                lifecycle, level, score, delta, detection, evidence(state, scored, day), kinds, tier, null));
    }

    /**
     * Report ids behind the indicators that count: what raised the score, then what relieved it; strongest
     * indicator first, latest day first.
     */
    private List<String> evidence(TierState state, List<Scored> scored, long day) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        long from = day - settings.recentDays() + 1;
        scored.stream().filter(s -> s.strength() > 0)
                .sorted(Comparator.comparing((Scored s) -> s.indicator().deEscalating())
                        .thenComparing(Comparator.comparingDouble(Scored::strength).reversed()))
                .forEach(s -> state.window(s.indicator().id(), from, day).descendingMap().values()
                        .forEach(cell -> ids.addAll(cell.evidence)));
        return ids.stream().limit(settings.evidenceMax()).toList();
    }

    private Trend trend(TierStanding standing, long day, double score) {
        Map.Entry<Long, Double> before = standing.scores.floorEntry(day - settings.trendDays());
        double then = before == null ? 0 : before.getValue();
        if (score - then >= TREND_STEP) {
            return Trend.RISING;
        }
        return then - score >= TREND_STEP ? Trend.FALLING : Trend.STABLE;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
