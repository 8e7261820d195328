package nl.horizon.backtest;

import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.streams.ScoringModel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code horizon backtest}: replays a fatality series through the product's scoring, labels onsets,
 * and scores the product's alerts and the simple baseline rules on the same data, also at matched alert
 * volume. Writes {@code report.md}, {@code summary.json} and SVG charts to the output folder.
 */
public final class Backtest {

    /**
     * What to run.
     *
     * @param series   the UCDP-style country-month fatality table
     * @param from     first month replayed
     * @param to       last month replayed
     * @param out      folder for the report
     * @param minLevel the least level of a new or escalating signal that counts as an alert
     * @param leadDays how long before an onset an alert still counts for it
     * @param labels   folder with {@code powell_thyne_coups_1950-2019.csv} and
     *                 {@code ucdp_prio_acd_1946-2019.csv}, or {@code null} for fatality onsets only
     * @param gdelt    GDELT monthly event counts per country (ISO3 → file), as extra input
     */
    public record Settings(Path series, YearMonth from, YearMonth to, Path out, RiskLevel minLevel, int leadDays,
                           Path labels, Map<String, Path> gdelt) {
    }

    /** What a run found. */
    public record Result(List<Scorecard> scorecards, Map<String, List<Onset>> labels, List<Alert> horizonAlerts,
                         List<Signal> signals, int poolSize, List<String> unmapped) {

        /** The fatality onsets, the label set every case is judged on. */
        public List<Onset> onsets() {
            return labels.get(FATALITY_ONSETS);
        }
    }

    static final String FATALITY_ONSETS = "fatality onsets";

    private Backtest() {
    }

    public static Result run(Settings settings, ScoringModel model, PrintStream progress) throws IOException {
        MonthlySeries series = MonthlySeries.read(settings.series(), settings.from(), settings.to());
        List<nl.horizon.schema.Report> more = new ArrayList<>();
        for (Map.Entry<String, Path> gdelt : settings.gdelt().entrySet()) {
            more.addAll(GdeltCounts.reports(gdelt.getKey(), gdelt.getValue(), settings.from(), settings.to()));
        }
        Replay.Output replay = Replay.run(series, more, model, settings.to(), settings.out(), progress);
        List<Signal> publicSignals = replay.signals().stream()
                .filter(s -> s.classification() == nl.horizon.schema.Classification.PUBLIC).toList();
        List<Alert> pool = publicSignals.stream()
                .filter(s -> s.lifecycle() == Lifecycle.NEW || s.lifecycle() == Lifecycle.ESCALATING)
                .map(s -> new Alert(s.country(), s.day(), s.score())).toList();
        List<Alert> horizon = publicSignals.stream()
                .filter(s -> s.lifecycle() == Lifecycle.NEW || s.lifecycle() == Lifecycle.ESCALATING)
                .filter(s -> s.level().compareTo(settings.minLevel()) >= 0)
                .map(s -> new Alert(s.country(), s.day(), s.score())).toList();

        List<String> unmapped = new ArrayList<>(series.unmapped());
        Map<String, List<Onset>> labels = new LinkedHashMap<>();
        labels.put(FATALITY_ONSETS, OnsetLabels.of(series));
        if (settings.labels() != null) {
            labels.put("coups", EventLabels.coups(settings.labels().resolve("powell_thyne_coups_1950-2019.csv"),
                    settings.from(), settings.to(), unmapped));
            labels.put("conflict starts", EventLabels.conflictStarts(
                    settings.labels().resolve("ucdp_prio_acd_1946-2019.csv"), settings.from(), settings.to(), unmapped));
        }
        double countryYears = series.byCountry().size()
                * (settings.to().getYear() - settings.from().getYear() + 1.0);
        Map<String, List<Alert>> baselines = new LinkedHashMap<>();
        baselines.put("hdx-signals", BaselineRules.hdxSignals(series));
        baselines.put("acled-surge", BaselineRules.acledSurge(series));
        baselines.put("persistence", BaselineRules.persistence(series));

        List<Scorecard> cards = new ArrayList<>();
        for (Map.Entry<String, List<Onset>> set : labels.entrySet()) {
            List<Onset> onsets = set.getValue();
            cards.add(Scorecard.of(set.getKey(), "horizon (" + settings.minLevel().label() + "+)", horizon, onsets,
                    settings.leadDays(), countryYears));
            for (Map.Entry<String, List<Alert>> baseline : baselines.entrySet()) {
                cards.add(Scorecard.of(set.getKey(), baseline.getKey(), baseline.getValue(), onsets,
                        settings.leadDays(), countryYears));
                cards.add(Scorecard.of(set.getKey(), "horizon @ " + baseline.getKey() + " volume",
                        strongest(pool, baseline.getValue().size()), onsets, settings.leadDays(), countryYears));
            }
        }
        Result result = new Result(cards, labels, horizon, publicSignals, pool.size(), List.copyOf(unmapped));
        if (!unmapped.isEmpty()) {
            progress.println("back-test: names that map to no country, left out: " + new java.util.TreeSet<>(unmapped));
        }
        BacktestReport.write(settings, series, result, replay.risks());
        progress.println("back-test: report written to " + settings.out().resolve("report.md"));
        return result;
    }

    /** The {@code n} strongest alerts, for comparing at the same alert volume. */
    static List<Alert> strongest(List<Alert> pool, int n) {
        return pool.stream().sorted(Comparator.comparingDouble(Alert::score).reversed()
                        .thenComparing(Alert::date).thenComparing(Alert::country))
                .limit(n).toList();
    }

    /** Month of an alert, for reports. */
    static YearMonth monthOf(Alert alert) {
        return YearMonth.from(alert.date().atStartOfDay(ZoneOffset.UTC));
    }

    static void ensure(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
