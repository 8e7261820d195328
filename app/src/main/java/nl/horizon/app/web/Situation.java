package nl.horizon.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.index.HorizonSearch;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.Json;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.Trend;
import nl.horizon.schema.TriageDecision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The picture the early-warning meeting looks at, always as one caller may see it: every country's
 * score, what changed since a date, a country's history and signals, a signal with its evidence and
 * triage, and a briefing for a period. Each view is built from the index under the caller's clearance,
 * and a country's tier is the highest the caller is cleared for, so no number shown was shaped by a
 * report the caller may not read. The dashboard, the API, the briefings and the feeds all read here.
 */
public final class Situation {

    /** Days of history read per country: enough for the chart and any period the meeting looks back on. */
    private static final int HISTORY_DAYS = 400;
    private static final int SIGNALS_PER_COUNTRY = 50;
    /** The overview's reference day when none is given: two weeks, the usual gap between meetings. */
    static final int DEFAULT_LOOKBACK_DAYS = 14;
    private static final Set<Lifecycle> CHANGES = Set.of(Lifecycle.NEW, Lifecycle.ESCALATING, Lifecycle.COOLING,
            Lifecycle.RESOLVED);
    private static final Set<Lifecycle> ALERTS = Set.of(Lifecycle.NEW, Lifecycle.ESCALATING);

    /**
     * A country's line in the overview: where it stands and how far it moved since the reference day
     * ({@code change} is null when its series in the caller's tier had not started by then), and its current
     * AIV/CAVV phase in the same tier (null: none, stable).
     */
    public record CountryLine(String country, String name, LocalDate day, double score, RiskLevel level, Trend trend,
                              Double change, Classification classification, CountryPhase phase) {

        CountryLine withPhase(CountryPhase current) {
            return new CountryLine(country, name, day, score, level, trend, change, classification, current);
        }
    }

    /** A signal with its country's name and where triage left it (null: not yet triaged). */
    public record SignalLine(Signal signal, String name, TriageDecision status) {
    }

    /** Every country's line, and the signals that changed something since {@code since}. */
    public record Overview(LocalDate asOf, LocalDate since, List<CountryLine> countries, List<SignalLine> changes) {
    }

    /** A country's page; {@code phase} is its current AIV/CAVV phase in the tier of {@code latest} (null: stable). */
    public record CountryPage(String country, String name, CountryRisk latest, List<CountryRisk> history,
                              List<SignalLine> signals, List<Report> reports, CountryPhase phase) {
    }

    /** A signal's page: the evidence the caller may read and every triage decision, oldest first. */
    public record SignalPage(SignalLine signal, List<Report> evidence, List<TriageDecision> decisions) {
    }

    /** A signal in a briefing, with the evidence behind it. */
    public record BriefedSignal(SignalLine signal, List<Report> evidence) {
    }

    /**
     * A horizon-scan briefing for a period: the top risers, the new and escalating signals with their
     * evidence, and the highest classification of anything in it (the marking it must carry).
     */
    public record Briefing(LocalDate from, LocalDate to, List<CountryLine> risers, List<BriefedSignal> alerts,
                           Classification marking) {
    }

    private final HorizonSearch search;
    private final PhaseBoard phases;

    public Situation(HorizonSearch search, PhaseBoard phases) {
        this.search = search;
        this.phases = phases;
    }

    /**
     * The overview.
     *
     * @param since the reference day (the last meeting); null: {@link #DEFAULT_LOOKBACK_DAYS} before the newest score
     */
    public Overview overview(Classification clearance, LocalDate since) throws IOException {
        List<List<CountryRisk>> histories = histories(clearance);
        LocalDate asOf = histories.stream().map(h -> h.getLast().day()).max(Comparator.naturalOrder())
                .orElse(null);
        LocalDate reference = since != null ? since : asOf == null ? null : asOf.minusDays(DEFAULT_LOOKBACK_DAYS);
        List<CountryLine> lines = new ArrayList<>();
        List<SignalLine> changes = new ArrayList<>();
        for (List<CountryRisk> history : histories) {
            lines.add(line(history, reference, history.getLast().day()).withPhase(phase(history.getLast())));
            for (SignalLine signal : signals(history.getLast(), clearance)) {
                if (CHANGES.contains(signal.signal().lifecycle()) && signal.signal().day().isAfter(reference)
                        && !signal.signal().historical()) {
                    changes.add(signal);
                }
            }
        }
        lines.sort(Comparator.comparingDouble(CountryLine::score).reversed().thenComparing(CountryLine::country));
        changes.sort(Comparator.comparing((SignalLine s) -> s.signal().day()).reversed()
                .thenComparing(s -> s.signal().id()));
        return new Overview(asOf, reference, lines, changes);
    }

    /** A country's page; empty history and lists when nothing about it is visible to the caller. */
    public CountryPage country(String country, Visibility reader) throws IOException {
        Classification clearance = reader.clearance();
        List<CountryRisk> history = search.riskHistory(country, clearance, HISTORY_DAYS).stream()
                .map(n -> read(n, CountryRisk.class)).toList();
        CountryRisk latest = history.isEmpty() ? null : history.getLast();
        List<SignalLine> signals = latest == null ? List.of() : signals(latest, clearance);
        List<Report> reports;
        try {
            reports = search.find(new SearchRequest("", reader, Set.of("report"), Set.of(country), Set.of(),
                    Set.of(), Set.of(), null, null, true, 0, 20)).hits().stream()
                    .map(h -> read(h.document(), Report.class)).toList();
        } catch (InvalidQueryException e) {
            throw new IllegalStateException("the match-all query does not parse", e);
        }
        return new CountryPage(country, Countries.englishName(country), latest, history, signals, reports,
                latest == null ? null : phase(latest));
    }

    /**
     * One report as stored (links included), if it exists and the caller may see it: within their clearance
     * and holding its caveats, exactly as search shows it.
     */
    public Optional<Report> report(String id, Visibility reader) throws IOException {
        return search.get(id, DocumentKind.REPORT, reader).map(n -> read(n, Report.class));
    }

    /** A signal's page, if it exists and the caller may see it. */
    public Optional<SignalPage> signal(String id, Classification clearance) throws IOException {
        Optional<JsonNode> found = signalRecord(id, clearance);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Signal signal = read(found.get(), Signal.class);
        List<TriageDecision> decisions = decisions(id, clearance);
        return Optional.of(new SignalPage(new SignalLine(signal, Countries.englishName(signal.country()),
                decisions.isEmpty() ? null : decisions.getLast()), evidence(signal, clearance, Integer.MAX_VALUE),
                decisions));
    }

    /** The signal as stored, for triage; empty when it does not exist or the caller may not see it. */
    public Optional<JsonNode> signalRecord(String id, Classification clearance) throws IOException {
        return search.get(id, DocumentKind.SIGNAL, Visibility.of(clearance));
    }

    /**
     * A briefing for {@code [from, to]}: countries whose score rose most between the two days, and the new
     * or escalating signals of the period with up to {@code evidencePerSignal} reports each.
     */
    public Briefing briefing(LocalDate from, LocalDate to, Classification clearance, int evidencePerSignal)
            throws IOException {
        List<CountryLine> risers = new ArrayList<>();
        List<BriefedSignal> alerts = new ArrayList<>();
        List<Classification> seen = new ArrayList<>();
        for (List<CountryRisk> history : histories(clearance)) {
            CountryLine line = line(history, from, to);
            if (line != null && line.change() != null && line.change() > 0) {
                risers.add(line);
            }
            for (SignalLine signal : signals(history.getLast(), clearance)) {
                LocalDate day = signal.signal().day();
                if (ALERTS.contains(signal.signal().lifecycle()) && !day.isBefore(from) && !day.isAfter(to)) {
                    List<Report> evidence = evidence(signal.signal(), clearance, evidencePerSignal);
                    alerts.add(new BriefedSignal(signal, evidence));
                    seen.add(signal.signal().classification());
                    evidence.forEach(r -> seen.add(r.classification()));
                }
            }
        }
        risers.sort(Comparator.comparing(CountryLine::change).reversed().thenComparing(CountryLine::country));
        List<CountryLine> top = List.copyOf(risers.subList(0, Math.min(10, risers.size())));
        top.forEach(r -> seen.add(r.classification()));
        alerts.sort(Comparator.comparingDouble((BriefedSignal b) -> b.signal().signal().score()).reversed()
                .thenComparing(b -> b.signal().signal().id()));
        return new Briefing(from, to, top, alerts, Classification.highest(seen));
    }

    /** Every visible country's history in the caller's tier, oldest point first; countries in code order. */
    private List<List<CountryRisk>> histories(Classification clearance) throws IOException {
        List<List<CountryRisk>> all = new ArrayList<>();
        for (String country : search.scoredCountries(clearance)) {
            List<CountryRisk> history = search.riskHistory(country, clearance, HISTORY_DAYS).stream()
                    .map(n -> read(n, CountryRisk.class)).toList();
            if (!history.isEmpty()) {
                all.add(history);
            }
        }
        return all;
    }

    /**
     * A country's standing on {@code day} and its change since {@code reference}: the score of the last
     * point on or before each day; null when nothing was scored by {@code day}.
     */
    private static CountryLine line(List<CountryRisk> history, LocalDate reference, LocalDate day) {
        CountryRisk at = lastOnOrBefore(history, day);
        if (at == null) {
            return null;
        }
        CountryRisk before = reference == null ? null : lastOnOrBefore(history, reference);
        Double change = before == null ? null : Math.round((at.score() - before.score()) * 10) / 10.0;
        return new CountryLine(at.country(), Countries.englishName(at.country()), at.day(), at.score(), at.level(),
                at.trend(), change, at.classification(), null);
    }

    /** A country's current phase in the tier its risk is read from, the one the caller is cleared for; null: stable. */
    private CountryPhase phase(CountryRisk latest) {
        return phases.current(latest.country(), latest.classification()).orElse(null);
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

    /**
     * The standing signals of a country in the tier of its latest score, newest first, each with its triage
     * standing; withdrawn ones stay searchable and reachable by id, but are no longer the country's story.
     */
    private List<SignalLine> signals(CountryRisk latest, Classification clearance) throws IOException {
        List<SignalLine> lines = new ArrayList<>();
        for (JsonNode node : search.signals(latest.country(), latest.classification(), SIGNALS_PER_COUNTRY)) {
            Signal signal = read(node, Signal.class);
            if (!signal.standing()) {
                continue;
            }
            List<TriageDecision> decisions = decisions(signal.id(), clearance);
            lines.add(new SignalLine(signal, Countries.englishName(signal.country()),
                    decisions.isEmpty() ? null : decisions.getLast()));
        }
        return lines;
    }

    private List<TriageDecision> decisions(String signalId, Classification clearance) throws IOException {
        return search.decisions(signalId, clearance).stream().map(n -> read(n, TriageDecision.class)).toList();
    }

    /** The evidence reports of a signal the caller may read, at most {@code max}. */
    private List<Report> evidence(Signal signal, Classification clearance, int max) throws IOException {
        List<Report> evidence = new ArrayList<>();
        for (String id : signal.evidenceReportIds()) {
            if (evidence.size() >= max) {
                break;
            }
            search.get(id, Visibility.of(clearance)).ifPresent(n -> evidence.add(read(n, Report.class)));
        }
        return evidence;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " does not read", e);
        }
    }
}
