package nl.horizon.backtest;

import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.backtest.forecast.StructuralConditions;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code horizon backtest}: replays a fatality series through the product's scoring from the start of
 * its history, labels onsets, and judges the product's alerts and the baselines on the same data in each
 * evaluation window: warnings one to three and one to six months ahead, same-month detection, at matched
 * volume both ways and along each method's own strength, with intervals from resampling countries. Writes
 * {@code report.md}, {@code summary.json} and SVG charts to the output folder.
 */
public final class Backtest {

    /**
     * What to run.
     *
     * @param series      the UCDP-style country-month fatality table
     * @param historyFrom first month replayed: the months before an evaluation window are its warm-up
     * @param evaluations the windows judged, the headline first
     * @param out         folder for the report
     * @param minLevel    the least level of a new or escalating signal that counts as an alert
     * @param labels      folder with {@code powell_thyne_coups_1950-2019.csv} and
     *                    {@code ucdp_prio_acd_1946-2019.csv}, or {@code null} for fatality labels only
     * @param published   HDX Signals' published alerts ({@code hdx_signals_*.csv}), or {@code null}
     * @param gdelt       GDELT monthly event counts per country (ISO3 → file), as extra input
     * @param forecast    the onset forecast judged beside the detector, or {@code null}
     */
    public record Settings(Path series, YearMonth historyFrom, List<Evaluation> evaluations, Path out,
                           RiskLevel minLevel, Path labels, Path published, Map<String, Path> gdelt,
                           Forecast forecast) {

        public Settings {
            evaluations = List.copyOf(evaluations);
            if (forecast != null && labels == null) {
                throw new IllegalArgumentException("the forecast reads coups from the labels folder: give --labels");
            }
            if (evaluations.isEmpty()) {
                throw new IllegalArgumentException("a back-test needs an evaluation window");
            }
            for (Evaluation e : evaluations) {
                if (e.from().isBefore(historyFrom)) {
                    throw new IllegalArgumentException("the " + e + " window starts before the history (from "
                            + historyFrom + ")");
                }
            }
        }

        /** The last month replayed. */
        YearMonth to() {
            return evaluations.stream().map(Evaluation::to).max(YearMonth::compareTo).orElseThrow();
        }
    }

    /**
     * The onset forecast to judge: a fitted model and the folder of structural tables it reads
     * ({@link StructuralConditions}); coups come from the labels folder. Its probabilities are those of the
     * model's rule horizon, scored by the same code as the streams application's.
     *
     * @param model      the fitted model ({@code config/forecast.yaml})
     * @param structural the structural tables
     */
    public record Forecast(ForecastModel model, Path structural) {
    }

    /**
     * What a run found.
     *
     * @param evaluations    each window's judgement, the headline first
     * @param labels         the label sets, over the whole history
     * @param methods        each method's alerts over the whole history
     * @param signals        Horizon's standing public signals
     * @param unmapped       names in the inputs that map to no country
     * @param forecast       the forecast's probabilities, or {@code null} when none was judged
     */
    public record Result(List<EvaluationResult> evaluations, List<LabelSet> labels, Map<String, List<Alert>> methods,
                         List<Signal> signals, List<String> unmapped, ForecastRun forecast) {

        /** The fatality labels, the label set every case is judged on. */
        public LabelSet fatalityLabels() {
            return labels.getFirst();
        }

        /** Horizon's alerts. */
        public List<Alert> horizonAlerts() {
            return methods.values().iterator().next();
        }
    }

    static final String FATALITY_LABELS = "fatality onsets and escalations";
    static final String LABEL_RULE = "label rule (ceiling)";
    static final String FORECAST = "horizon-forecast";
    static final String COUPS = "powell_thyne_coups_1950-2019.csv";
    static final String EITHER = "detector or forecast";
    /** Coups from this year on feed the forecast's coup history (the labels keep the replayed span). */
    static final int COUP_HISTORY_FROM = 1946;

    private Backtest() {
    }

    public static Result run(Settings settings, ScoringModel model, PrintStream progress) throws IOException {
        ReleaseCalendar calendar = new ReleaseCalendar(model.settings().recentDays());
        MonthlySeries series = MonthlySeries.read(settings.series(), settings.historyFrom(), settings.to());
        List<Report> more = new ArrayList<>();
        for (Map.Entry<String, Path> gdelt : settings.gdelt().entrySet()) {
            more.addAll(GdeltCounts.reports(gdelt.getKey(), gdelt.getValue(), settings.historyFrom(), settings.to(),
                    calendar));
        }
        Replay.Output replay = Replay.run(series, more, model, calendar, settings.to(), settings.out(), progress);
        List<Signal> publicSignals = replay.signals().stream()
                .filter(s -> s.classification() == Classification.PUBLIC).toList();

        List<String> unmapped = new ArrayList<>(series.unmapped());
        List<LabelSet> labels = new ArrayList<>();
        labels.add(OnsetLabels.of(FATALITY_LABELS, series));
        if (settings.labels() != null) {
            labels.add(EventLabels.coups("coups", settings.labels().resolve(COUPS),
                    settings.historyFrom(), settings.to(), unmapped));
            labels.add(EventLabels.conflictStarts("conflict starts",
                    settings.labels().resolve("ucdp_prio_acd_1946-2019.csv"), settings.historyFrom(), settings.to(),
                    unmapped));
        }

        String horizon = "horizon (" + settings.minLevel().label() + "+)";
        BaselineRules rules = new BaselineRules(series, calendar);
        Map<String, List<Alert>> alerts = new LinkedHashMap<>();
        alerts.put(horizon, publicSignals.stream()
                .filter(s -> s.lifecycle() == Lifecycle.NEW || s.lifecycle() == Lifecycle.ESCALATING)
                .filter(s -> s.level().compareTo(settings.minLevel()) >= 0)
                .map(s -> new Alert(s.country(), s.day(), s.score())).toList());
        ForecastRun forecast = null;
        if (settings.forecast() != null) {
            forecast = forecast(settings, series, calendar);
            List<Alert> warnings = forecast.alerts(calendar);
            alerts.put(FORECAST, warnings);
            alerts.put(EITHER, either(alerts.get(horizon), warnings, forecast, calendar));
        }
        List<String> underTest = List.copyOf(alerts.keySet());
        alerts.put("hdx-signals rule", rules.hdxSignals());
        alerts.put("acled-surge rule", rules.acledSurge());
        alerts.put("persistence", rules.persistence());
        if (settings.published() != null) {
            alerts.put("hdx-signals published", PublishedSignals.conflictAlerts(settings.published()));
        }
        List<String> baselines = List.copyOf(alerts.keySet()).subList(underTest.size(), alerts.size());
        alerts.put(LABEL_RULE, rules.labelRule(labels.getFirst()));
        EvaluationResult.Methods methods = new EvaluationResult.Methods(underTest, alerts, baselines);

        List<EvaluationResult> evaluations = new ArrayList<>();
        for (Evaluation window : settings.evaluations()) {
            evaluations.add(EvaluationResult.judge(window, methods, labels, calendar, series.byCountry().keySet()));
        }
        Result result = new Result(evaluations, List.copyOf(labels), alerts, publicSignals, List.copyOf(unmapped),
                forecast);
        if (!unmapped.isEmpty()) {
            progress.println("back-test: names that map to no country, left out: " + new TreeSet<>(unmapped));
        }
        BacktestReport.write(settings, series, calendar, result, replay.risks());
        progress.println("back-test: report written to " + settings.out().resolve("report.md"));
        return result;
    }

    /** The forecast issued every month of the replay, from what was known on each release day. */
    private static ForecastRun forecast(Settings settings, MonthlySeries series, ReleaseCalendar calendar)
            throws IOException {
        List<Onset> coups = EventLabels.coups("coup history", settings.labels().resolve(COUPS),
                YearMonth.of(COUP_HISTORY_FROM, 1), settings.to(), new ArrayList<>()).onsets();
        ReplayedHistory history = ReplayedHistory.of(series,
                StructuralConditions.read(settings.forecast().structural()), coups);
        ForecastModel model = settings.forecast().model();
        return ForecastRun.of(model, model.alert().horizonMonths(), FeatureTable.of(history, calendar,
                settings.historyFrom(), settings.to()));
    }

    /**
     * The detector's alerts and the forecast's warnings together, one alert per country and day, each with
     * the forecast's probability standing that day as its strength, so the union is thinned by one scale.
     */
    private static List<Alert> either(List<Alert> detector, List<Alert> forecast, ForecastRun run,
                                      ReleaseCalendar calendar) {
        Map<String, Alert> byDay = new java.util.TreeMap<>();
        for (Alert a : detector) {
            double p = run.standing(a.country(), a.date(), calendar);
            byDay.put(a.country() + "|" + a.date(), new Alert(a.country(), a.date(), Double.isNaN(p) ? 0 : p));
        }
        forecast.forEach(a -> byDay.merge(a.country() + "|" + a.date(), a,
                (x, y) -> x.score() >= y.score() ? x : y));
        return List.copyOf(byDay.values());
    }

    static void ensure(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
