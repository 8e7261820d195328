package nl.horizon.app.web;

import nl.horizon.app.views.Briefing;
import nl.horizon.app.views.CountryLine;
import nl.horizon.app.views.CountryPage;
import nl.horizon.app.views.DailyRisk;
import nl.horizon.app.views.EvidenceLink;
import nl.horizon.app.views.EvidenceOrder;
import nl.horizon.app.views.IndicatorEvidence;
import nl.horizon.app.views.LevelThresholds;
import nl.horizon.app.views.Overview;
import nl.horizon.app.views.SignalLine;
import nl.horizon.app.views.SignalPage;
import nl.horizon.app.views.WhyLevel;
import nl.horizon.index.HorizonSearch;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Contribution;
import nl.horizon.schema.Countries;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.TriageDecision;
import nl.horizon.streams.scoring.IndicatorExtractor;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The picture the early-warning meeting looks at, always as one caller may see it: every country's
 * score, what changed since a date, a country's history and signals, a signal with its evidence and
 * triage, and a briefing for a period. Each view ({@link nl.horizon.app.views}) is built from the index's typed
 * records under the caller's clearance, and a country's tier is the highest the caller is cleared for, so no
 * number shown was shaped by a report the caller may not read. The dashboard, the API, the briefings and the
 * feeds all read here. Views of many countries read the index in a few batch queries, never one per country
 * or per signal.
 */
public final class Situation {

    /** Days of history shown per country: enough for the chart and any period the meeting looks back on. */
    private static final int HISTORY_DAYS = 400;
    private static final int SIGNALS_PER_COUNTRY = 50;
    /** Evidence listed on a country page, and per indicator of its drill-down. */
    private static final int COUNTRY_EVIDENCE = 50;
    private static final int EVIDENCE_PER_INDICATOR = 10;
    /** Reports of a country's recent window read for the indicator drill-down. */
    private static final int WINDOW_REPORTS = 500;
    /** The overview's reference day when none is given: two weeks, the usual gap between meetings. */
    static final int DEFAULT_LOOKBACK_DAYS = 14;
    /** A briefing's period when none is given: the week up to the latest scored day. */
    static final int DEFAULT_BRIEFING_DAYS = 7;
    private static final int RISERS = 10;
    /** Corroborating reports looked for behind a signal, beyond those it lists. */
    private static final int CORROBORATING = 20;
    private static final Set<Lifecycle> CHANGES = Set.of(Lifecycle.NEW, Lifecycle.ESCALATING, Lifecycle.COOLING,
            Lifecycle.RESOLVED);
    private static final Set<Lifecycle> ALERTS = Set.of(Lifecycle.NEW, Lifecycle.ESCALATING);

    private final HorizonSearch search;
    private final LevelThresholds thresholds;
    private final IndicatorExtractor extractor;
    private final int recentDays;
    private final TierBoard<CountryPhase> phases;
    private final TierBoard<Forecast> forecasts;

    /**
     * @param thresholds the scoring's level thresholds, to tell why a level differs from its score's
     * @param extractor  the scoring's own indicator extractor: which report counted for which indicator
     * @param recentDays the scoring's recent window: the reports behind a score lie in it
     * @param phases     each country's current AIV/CAVV phase per tier
     * @param forecasts  each country's latest onset forecast per tier
     */
    public Situation(HorizonSearch search, LevelThresholds thresholds, IndicatorExtractor extractor, int recentDays,
                     TierBoard<CountryPhase> phases, TierBoard<Forecast> forecasts) {
        this.search = search;
        this.phases = phases;
        this.forecasts = forecasts;
        this.thresholds = thresholds;
        this.extractor = extractor;
        this.recentDays = recentDays;
    }

    /**
     * The overview.
     *
     * @param since the reference day (the last meeting); null: {@link #DEFAULT_LOOKBACK_DAYS} before the newest score
     */
    public Overview overview(Classification clearance, LocalDate since) throws IOException {
        Optional<LocalDate> newest = search.latestScoredDay(clearance);
        if (newest.isEmpty()) {
            return new Overview(null, since, List.of(), List.of());
        }
        LocalDate reference = since != null ? since : newest.get().minusDays(DEFAULT_LOOKBACK_DAYS);
        SortedMap<String, List<CountryRisk>> histories = search.riskHistories(clearance, reference);
        LocalDate asOf = histories.values().stream().map(h -> h.getLast().day()).max(Comparator.naturalOrder())
                .orElse(newest.get());
        List<CountryLine> lines = new ArrayList<>();
        for (List<CountryRisk> history : histories.values()) {
            lines.add(CountryLine.of(history.getLast(), lastOnOrBefore(history, reference), true, thresholds)
                    .withOutlook(phase(history.getLast()), forecast(history.getLast())));
        }
        lines.sort(CountryLine.MEETING_ORDER);
        List<Signal> changed = standingInTier(search.signals(clearance, reference.plusDays(1), null), histories).stream()
                .filter(s -> CHANGES.contains(s.lifecycle()) && !s.historical()).toList();
        List<SignalLine> changes = new ArrayList<>(lines(changed, clearance));
        changes.sort(Comparator.comparing((SignalLine s) -> s.signal().day()).reversed()
                .thenComparing(s -> s.signal().id()));
        return new Overview(asOf, reference, lines, changes);
    }

    /** A country's page; empty history and lists when nothing about it is visible to the caller. */
    public CountryPage country(String country, Visibility reader) throws IOException {
        Classification clearance = reader.clearance();
        List<CountryRisk> history = search.riskHistory(country, clearance, HISTORY_DAYS);
        List<Report> reports = reports(country, reader, null, null, 20);
        if (history.isEmpty()) {
            return new CountryPage(country, Countries.englishName(country), null, null, List.of(), List.of(), List.of(),
                    List.of(), reports, null, null);
        }
        CountryRisk latest = history.getLast();
        List<SignalLine> signals = lines(search.signals(country, latest.classification(), SIGNALS_PER_COUNTRY).stream()
                .filter(Signal::standing).toList(), clearance);
        List<Report> evidence = signals.isEmpty() ? List.of()
                : evidence(signals.getFirst().signal(), clearance, COUNTRY_EVIDENCE);
        return new CountryPage(country, Countries.englishName(country), latest, WhyLevel.of(latest, thresholds),
                DailyRisk.series(history, latest.day().minusDays(HISTORY_DAYS - 1)), indicators(latest, reader),
                signals, evidence, reports, phase(latest), forecast(latest));
    }

    /**
     * Each indicator of a risk point with the reports that counted for it: the reports of the point's tier in
     * its recent window, given to the scoring's own extractor, so that the drill-down names what the score
     * counted. Caveated reports are never scored, and are left out.
     */
    private List<IndicatorEvidence> indicators(CountryRisk latest, Visibility reader) throws IOException {
        Instant to = latest.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = latest.day().minusDays(recentDays - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<Report>> byIndicator = new LinkedHashMap<>();
        for (Report r : reports(latest.country(), reader, from, to, WINDOW_REPORTS)) {
            if (!r.caveats().isEmpty() || !r.classification().visibleTo(latest.classification())) {
                continue; // not counted by the scoring of this tier
            }
            for (Observation o : extractor.extract(r)) {
                if (o.country().equals(latest.country())) {
                    byIndicator.computeIfAbsent(o.indicator(), i -> new ArrayList<>()).add(r);
                }
            }
        }
        List<IndicatorEvidence> indicators = new ArrayList<>();
        for (Contribution c : latest.contributions()) {
            List<Report> behind = byIndicator.getOrDefault(c.indicator(), List.of());
            indicators.add(new IndicatorEvidence(c.indicator(), c.value(), c.weight(), c.contribution(), behind.size(),
                    EvidenceOrder.sorted(behind).stream().limit(EVIDENCE_PER_INDICATOR).map(EvidenceLink::of).toList()));
        }
        indicators.sort(Comparator.comparingDouble((IndicatorEvidence i) -> Math.abs(i.contribution())).reversed()
                .thenComparing(IndicatorEvidence::indicator));
        return indicators;
    }

    /** A country's reports the caller may see, newest first, in {@code [from, to)} when given. */
    private List<Report> reports(String country, Visibility reader, Instant from, Instant to, int limit)
            throws IOException {
        List<Report> reports = new ArrayList<>();
        try {
            for (var hit : search.find(new SearchRequest("", reader, Set.of("report"), Set.of(country), Set.of(),
                    Set.of(), Set.of(), from, to, true, 0, limit)).hits()) {
                if (hit.document() instanceof Report r) {
                    reports.add(r);
                }
            }
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("the match-all query does not parse", e);
        }
        return reports;
    }

    /**
     * One report as stored (links included), if it exists and the caller may see it: within their clearance
     * and holding its caveats, exactly as search shows it.
     */
    public Optional<Report> report(String id, Visibility reader) throws IOException {
        return search.report(id, reader);
    }

    /** A signal's page, if it exists and the caller may see it. */
    public Optional<SignalPage> signal(String id, Classification clearance) throws IOException {
        Optional<Signal> found = signalRecord(id, clearance);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Signal signal = found.get();
        List<TriageDecision> decisions = search.decisions(id, clearance);
        return Optional.of(new SignalPage(SignalLine.of(signal, decisions.isEmpty() ? null : decisions.getLast()),
                evidence(signal, clearance, Integer.MAX_VALUE), decisions));
    }

    /** The signal as stored, for triage; empty when it does not exist or the caller may not see it. */
    public Optional<Signal> signalRecord(String id, Classification clearance) throws IOException {
        return search.signal(id, Visibility.of(clearance));
    }

    /**
     * A briefing for {@code [from, to]}: every country at warning or alert during the period (alerts first),
     * the countries whose score rose most between the two days (a country first scored within the period
     * rose from 0), and the new or escalating signals of the period; each with up to {@code evidencePerItem}
     * reports, corroborating reports first. Without {@code to}, the period ends on the latest day scored that
     * the caller may see (never the wall clock: scoring runs on event time, and a briefing of days not scored
     * yet would be empty); without {@code from}, it is the {@link #DEFAULT_BRIEFING_DAYS} before {@code to}.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to}, or no end is given and nothing is
     *                                  scored yet
     */
    public Briefing briefing(LocalDate from, LocalDate to, Classification clearance, int evidencePerItem)
            throws IOException {
        if (to == null) {
            Optional<LocalDate> latest = search.latestScoredDay(clearance);
            if (latest.isEmpty() && from == null) {
                throw new IllegalArgumentException("nothing is scored that you may see yet: name the period with "
                        + "'from' and 'to'");
            }
            LocalDate start = from;
            to = latest.filter(day -> start == null || !day.isBefore(start)).orElse(from);
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_BRIEFING_DAYS);
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        SortedMap<String, List<CountryRisk>> histories = search.riskHistories(clearance, from);
        List<Signal> periodSignals = standingInTier(search.signals(clearance, from, to), histories);
        Map<String, Signal> latestSignal = new LinkedHashMap<>();
        periodSignals.stream().sorted(Comparator.comparing(Signal::day).reversed().thenComparing(Signal::id))
                .forEach(s -> latestSignal.putIfAbsent(s.country(), s));
        List<Classification> seen = new ArrayList<>();
        List<CountryLine> risers = new ArrayList<>();
        List<Briefing.BriefedCountry> countries = new ArrayList<>();
        for (List<CountryRisk> history : histories.values()) {
            CountryRisk at = lastOnOrBefore(history, to);
            if (at == null) {
                continue;
            }
            CountryLine line = CountryLine.of(at, lastOnOrBefore(history, from), true, thresholds);
            if (line.change() > 0) {
                risers.add(line);
            }
            RiskLevel highest = highestLevel(history, from, to);
            if (highest.compareTo(RiskLevel.WARNING) >= 0) {
                Signal signal = latestSignal.containsKey(at.country()) ? latestSignal.get(at.country())
                        : search.signals(at.country(), at.classification(), SIGNALS_PER_COUNTRY).stream()
                        .filter(Signal::standing).findFirst().orElse(null);
                List<Report> evidence = signal == null ? List.of() : evidence(signal, clearance, evidencePerItem);
                countries.add(new Briefing.BriefedCountry(line, highest, evidence));
                seen.add(line.classification());
                evidence.forEach(r -> seen.add(r.classification()));
            }
        }
        countries.sort(Comparator.comparing(Briefing.BriefedCountry::highest, Comparator.reverseOrder())
                .thenComparing(Briefing.BriefedCountry::standing, CountryLine.MEETING_ORDER));
        risers.sort(Comparator.comparing(CountryLine::change).reversed().thenComparing(CountryLine::country));
        List<CountryLine> top = List.copyOf(risers.subList(0, Math.min(RISERS, risers.size())));
        top.forEach(r -> seen.add(r.classification()));
        List<Briefing.BriefedSignal> alerts = new ArrayList<>();
        for (SignalLine line : lines(periodSignals.stream().filter(s -> ALERTS.contains(s.lifecycle())).toList(),
                clearance)) {
            List<Report> evidence = evidence(line.signal(), clearance, evidencePerItem);
            alerts.add(new Briefing.BriefedSignal(line, evidence));
            seen.add(line.signal().classification());
            evidence.forEach(r -> seen.add(r.classification()));
        }
        alerts.sort(Comparator.comparing((Briefing.BriefedSignal b) -> b.signal().signal().level(),
                        Comparator.reverseOrder())
                .thenComparing(Comparator.comparingDouble((Briefing.BriefedSignal b) -> b.signal().signal().score())
                        .reversed())
                .thenComparing(b -> b.signal().signal().id()));
        return new Briefing(from, to, countries, top, alerts, Classification.highest(seen));
    }

    /** The highest level a series held at any time in {@code [from, to]}: the level standing on {@code from} counts. */
    private static RiskLevel highestLevel(List<CountryRisk> history, LocalDate from, LocalDate to) {
        RiskLevel highest = RiskLevel.CALM;
        CountryRisk standing = lastOnOrBefore(history, from);
        if (standing != null) {
            highest = standing.level();
        }
        for (CountryRisk point : history) {
            if (point.day().isAfter(from) && !point.day().isAfter(to) && point.level().compareTo(highest) > 0) {
                highest = point.level();
            }
        }
        return highest;
    }

    /**
     * The signals that still stand and are in the tier the caller sees their country in: a signal of a lower
     * tier of a country shown in a higher one is not that country's story for this caller.
     */
    private static List<Signal> standingInTier(List<Signal> signals, Map<String, List<CountryRisk>> histories) {
        return signals.stream().filter(Signal::standing).filter(s -> {
            List<CountryRisk> history = histories.get(s.country());
            return history != null && history.getLast().classification() == s.classification();
        }).toList();
    }

    /** A country's current phase in the tier its risk is read from, the one the caller is cleared for; null: stable. */
    private CountryPhase phase(CountryRisk latest) {
        return phases.current(latest.country(), latest.classification()).orElse(null);
    }

    /**
     * A country's latest onset forecast in the tier its risk is read from; null: none issued yet. A tier
     * issues forecasts of its own only once input of its own level carries fatalities (the forecast reads
     * fatalities and public tables only): until then its forecast is that of the highest tier below it,
     * which the reader, cleared for the risk's tier, may see.
     */
    private Forecast forecast(CountryRisk latest) {
        Classification[] tiers = Classification.values();
        for (int i = tiers.length - 1; i >= 0; i--) {
            if (tiers[i].visibleTo(latest.classification())) {
                Optional<Forecast> issued = forecasts.current(latest.country(), tiers[i]);
                if (issued.isPresent()) {
                    return issued.get();
                }
            }
        }
        return null;
    }

    private static CountryRisk lastOnOrBefore(List<CountryRisk> history, LocalDate day) {
        CountryRisk found = null;
        for (CountryRisk point : history) {
            if (point.day().isAfter(day)) {
                break;
            }
            found = point;
        }
        return found;
    }

    /** Each signal with where triage left it, read in one query for all of them. */
    private List<SignalLine> lines(List<Signal> signals, Classification clearance) throws IOException {
        Map<String, List<TriageDecision>> decisions = search.decisions(
                signals.stream().map(Signal::id).toList(), clearance);
        List<SignalLine> lines = new ArrayList<>();
        for (Signal signal : signals) {
            List<TriageDecision> on = decisions.getOrDefault(signal.id(), List.of());
            lines.add(SignalLine.of(signal, on.isEmpty() ? null : on.getLast()));
        }
        return lines;
    }

    /**
     * The evidence reports of a signal the caller may read, corroborating reports first, at most {@code max}:
     * the reports it lists, and the corroborating ones of its sources behind it. A signal lists the reports of
     * its strongest indicator first, up to {@code evidence.max}, so Mali's alert listed twenty ACLED rows
     * while the posts that made it an alert (two independent source kinds) were not among them: they are found
     * again as the reports of its tier, country and recent window, of its source kinds other than event data,
     * that the scoring's extractor counts for any indicator.
     */
    private List<Report> evidence(Signal signal, Classification clearance, int max) throws IOException {
        Visibility reader = Visibility.of(clearance);
        Map<String, Report> evidence = new LinkedHashMap<>();
        for (Report r : search.reports(signal.evidenceReportIds(), reader)) {
            evidence.put(r.id(), r);
        }
        for (Report r : corroborating(signal, reader)) {
            evidence.putIfAbsent(r.id(), r);
        }
        return EvidenceOrder.sorted(List.copyOf(evidence.values())).stream().limit(max).toList();
    }

    private List<Report> corroborating(Signal signal, Visibility reader) throws IOException {
        Set<String> kinds = new java.util.TreeSet<>();
        signal.sourceKinds().stream().filter(k -> k != SourceKind.EVENT_DATA).forEach(k -> kinds.add(k.label()));
        if (kinds.isEmpty()) {
            return List.of();
        }
        Instant to = signal.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = signal.day().minusDays(recentDays - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Report> found = new ArrayList<>();
        try {
            for (var hit : search.find(new SearchRequest("", reader, Set.of("report"), Set.of(signal.country()), kinds,
                    Set.of(), Set.of(), from, to, true, 0, CORROBORATING)).hits()) {
                if (hit.document() instanceof Report r && countedFor(r, signal.country(), signal.classification())) {
                    found.add(r);
                }
            }
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("the match-all query does not parse", e);
        }
        return found;
    }

    /** Whether the scoring of {@code tier} counted the report for the country: uncaveated, within the tier, indicative. */
    private boolean countedFor(Report r, String country, Classification tier) {
        return r.caveats().isEmpty() && r.classification().visibleTo(tier)
                && extractor.extract(r).stream().anyMatch(o -> o.country().equals(country));
    }
}
