package nl.horizon.backtest;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Json;
import nl.horizon.schema.Signal;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Writes a back-test's report: Markdown for people, JSON for machines, SVG charts for both. */
final class BacktestReport {

    /**
     * A case every report shows, caught or missed.
     *
     * @param country ISO3
     * @param onset   the day or month of the event
     * @param title   for people
     * @param labels  the label set it belongs to
     */
    record Case(String country, LocalDate onset, String title, String labels) {
    }

    static final List<Case> CASES = List.of(
            new Case("MLI", LocalDate.of(2012, 1, 31), "Mali 2012", Backtest.FATALITY_LABELS),
            new Case("SSD", LocalDate.of(2013, 12, 31), "South Sudan 2013", Backtest.FATALITY_LABELS),
            new Case("CAF", LocalDate.of(2013, 3, 31), "Central African Republic 2013", Backtest.FATALITY_LABELS),
            new Case("MLI", LocalDate.of(2012, 3, 22), "Mali coup 2012", "coups"),
            new Case("BFA", LocalDate.of(2014, 10, 30), "Burkina Faso coup 2014", "coups"));

    /** How many months before an onset a case looks at. */
    static final int CASE_MONTHS = 6;

    private BacktestReport() {
    }

    static void write(Backtest.Settings settings, MonthlySeries series, ReleaseCalendar calendar,
                      Backtest.Result result, List<CountryRisk> risks) throws IOException {
        Backtest.ensure(settings.out());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("historyFrom", settings.historyFrom().toString());
        summary.put("alertLevel", settings.minLevel().label());
        summary.put("countries", series.byCountry().size());
        summary.put("recentWindowDays", calendar.recentDays());
        summary.put("leadWindows", LeadWindow.ALL);
        summary.put("resamples", EvaluationResult.RESAMPLES);
        summary.put("seed", EvaluationResult.SEED);
        Map<String, Object> labels = new LinkedHashMap<>();
        result.labels().forEach(set -> labels.put(set.name(), Map.of("labels", set.onsets().size(),
                "coveredUntil", set.coveredUntil().toString())));
        summary.put("labels", labels);
        summary.put("unmappedNames", new TreeSet<>(result.unmapped()));
        summary.put("evaluations", result.evaluations());
        Files.write(settings.out().resolve("summary.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));

        EvaluationResult headline = result.evaluations().getFirst();
        Files.writeString(settings.out().resolve("scores.svg"), Charts.f1(headline.window().toString() + ", against "
                + Backtest.FATALITY_LABELS, headline.scorecards().stream()
                .filter(c -> c.labels().equals(Backtest.FATALITY_LABELS)).toList()));
        for (LeadWindow lead : List.of(LeadWindow.AHEAD_1_6, LeadWindow.SAME_MONTH)) {
            Files.writeString(settings.out().resolve("curve-" + slug(lead) + ".svg"), Charts.curve(
                    headline.window() + ", " + lead.name() + ", against " + Backtest.FATALITY_LABELS,
                    headline.curve().stream().filter(p -> p.labels().equals(Backtest.FATALITY_LABELS)
                            && p.lead().equals(lead.name())).toList()));
        }
        List<String> caseLines = new ArrayList<>();
        for (Case c : CASES) {
            YearMonth onset = YearMonth.from(c.onset());
            if (onset.minusMonths(CASE_MONTHS).isBefore(settings.historyFrom()) || onset.isAfter(settings.to())) {
                continue;
            }
            Files.writeString(settings.out().resolve("timeline-" + c.country() + "-" + onset + ".svg"),
                    Charts.timeline(c.title(), c.country(), series, risks, result.signals(), onset.minusMonths(36),
                            onset.plusMonths(12)));
            caseLines.add(caseLine(c, result, risks, calendar));
        }
        StringBuilder md = new StringBuilder(markdown(settings, series, result, caseLines));
        if (result.forecast() != null) {
            forecast(md, result, calendar);
            warnings(settings, result.forecast(), result.methods().get(Backtest.FORECAST));
        }
        Files.writeString(settings.out().resolve("report.md"), md.toString());
    }

    /** The forecast's model, its rule and what it said before each case. */
    private static void forecast(StringBuilder md, Backtest.Result result, ReleaseCalendar calendar) {
        ForecastRun run = result.forecast();
        var model = run.model();
        md.append("## The forecast: ").append(model.version()).append("\n\n")
                .append(String.format(Locale.ROOT, "%s, one model per horizon of %d trees (max_depth %d, eta %s, "
                                + "min_child_weight %s), fitted on forecasts issued %s..%s (outcomes up to %s); warning "
                                + "rule chosen on validation folds %s, each with a fit that ends before it. Warns when "
                                + "the %d-month probability is at least %.3f, at most once in %d months per country.%n%n",
                        model.family(), model.setting().rounds(), model.setting().maxDepth(), model.setting().eta(),
                        model.setting().minChildWeight(),
                        model.fit().from(), model.fit().to(), model.fit().to(), model.validation().folds().stream()
                                .map(f -> f.from() + ".." + f.to() + " (fit to " + f.fitTo() + ")")
                                .collect(java.util.stream.Collectors.joining(", ")), model.alert().horizonMonths(),
                        model.alert().threshold(), model.alert().cooldownMonths()))
                .append("| case | onset | forecast warned 1–6 months ahead | p(").append(model.alert().horizonMonths())
                .append(" months) issued in the six months before |\n|---|---|---|---|\n");
        for (Case c : CASES) {
            Onset onset = new Onset(c.country(), c.onset(), c.labels());
            java.util.TreeMap<YearMonth, Double> p = run.probabilities().getOrDefault(c.country(), new java.util.TreeMap<>());
            List<String> said = new ArrayList<>();
            for (int back = CASE_MONTHS + 1; back >= 1; back--) {
                YearMonth data = onset.month().minusMonths(back);
                if (p.containsKey(data) && calendar.release(data).isBefore(onset.month().atDay(1))) {
                    said.add(String.format(Locale.ROOT, "%s %.3f", calendar.release(data), p.get(data)));
                }
            }
            boolean warned = result.methods().get(Backtest.FORECAST).stream()
                    .anyMatch(a -> LeadWindow.AHEAD_1_6.counts(a, onset, calendar));
            md.append("| ").append(c.title()).append(" | ").append(c.onset()).append(" | ")
                    .append(warned ? "caught" : "**missed**").append(" | ").append(String.join("; ", said))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** Every warning the forecast issued, each naming the model version that caused it. */
    private static void warnings(Backtest.Settings settings, ForecastRun run, List<Alert> warnings)
            throws IOException {
        StringBuilder csv = new StringBuilder("country,issued,horizon_months,probability,model\n");
        warnings.stream().sorted(Comparator.comparing(Alert::date).thenComparing(Alert::country))
                .forEach(a -> csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%s%n", a.country(), a.date(),
                        run.months(), a.score(), run.model().version())));
        Files.writeString(settings.out().resolve("forecast-warnings.csv"), csv.toString());
    }

    static String slug(LeadWindow lead) {
        return lead.name().replace(' ', '-');
    }

    private static String caseLine(Case c, Backtest.Result result, List<CountryRisk> risks, ReleaseCalendar calendar) {
        Onset onset = new Onset(c.country(), c.onset(), c.labels());
        boolean labelled = result.labels().stream().filter(s -> s.name().equals(c.labels()))
                .flatMap(s -> s.onsets().stream())
                .anyMatch(o -> o.country().equals(c.country()) && o.month().equals(onset.month()));
        YearMonth month = onset.month();
        LocalDate from = month.minusMonths(CASE_MONTHS).atDay(1);
        List<Signal> before = result.signals().stream().filter(s -> s.country().equals(c.country()))
                .filter(s -> !s.day().isBefore(from) && !s.day().isAfter(calendar.release(month))).toList();
        String said = before.isEmpty() ? "no signal" : String.join("; ", before.stream().map(s -> s.day() + " "
                + s.lifecycle().label() + " " + s.level().label() + String.format(Locale.ROOT, " (%.0f)", s.score()))
                .toList());
        Optional<CountryRisk> peak = risks.stream().filter(r -> r.country().equals(c.country())
                        && r.classification() == Classification.PUBLIC && !r.day().isBefore(from)
                        && r.day().isBefore(month.atDay(1)))
                .max(Comparator.comparingDouble(CountryRisk::score));
        String score = peak.map(r -> String.format(Locale.ROOT, "%.0f on %s", r.score(), r.day())).orElse("no score");
        return "| " + c.title() + " | " + c.onset() + (labelled ? "" : " (not labelled)") + " | "
                + verdict(result, onset, LeadWindow.AHEAD_1_6, calendar) + " | "
                + verdict(result, onset, LeadWindow.SAME_MONTH, calendar) + " | " + score + " | " + said + " |";
    }

    private static String verdict(Backtest.Result result, Onset onset, LeadWindow lead, ReleaseCalendar calendar) {
        return result.horizonAlerts().stream().anyMatch(a -> lead.counts(a, onset, calendar)) ? "caught" : "**missed**";
    }

    private static void table(StringBuilder md, List<Scorecard> cards) {
        md.append("| method | alerts | hits | false alarms | labels | detected | missed | precision | recall "
                + "| F1 [90% interval] |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Scorecard s : cards) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f [%.3f, %.3f] |%n",
                    s.method(), s.alerts(), s.hits(), s.falseAlarms(), s.onsets(), s.detected(), s.missed(),
                    s.precision(), s.recall(), s.f1(), s.f1Interval().low(), s.f1Interval().high()));
        }
        md.append('\n');
    }

    private static void comparisons(StringBuilder md, List<Comparison> comparisons) {
        md.append("| method | baseline | volume | thinned | method P / R / F1 | baseline P / R / F1 "
                + "| F1 method − baseline [90% interval] |\n|---|---|---:|---|---|---|---|\n");
        for (Comparison c : comparisons) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f "
                            + "| %+.3f [%+.3f, %+.3f] |%n", c.method(), c.baseline(), c.volume(), c.thinned(),
                    c.candidate().precision(), c.candidate().recall(), c.candidate().f1(), c.other().precision(),
                    c.other().recall(), c.other().f1(),
                    c.f1Difference(), c.differenceInterval().low(), c.differenceInterval().high()));
        }
        md.append('\n');
    }

    private static void curve(StringBuilder md, List<CurvePoint> points) {
        md.append("| method | 25% | 50% | 75% | 100% |\n|---|---|---|---|---|\n");
        Map<String, List<CurvePoint>> byMethod = new LinkedHashMap<>();
        points.forEach(p -> byMethod.computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p));
        byMethod.forEach((method, ps) -> {
            md.append("| ").append(method);
            ps.forEach(p -> md.append(String.format(Locale.ROOT, " | %d: %.2f / %.2f", p.alerts(), p.precision(),
                    p.recall())));
            md.append(" |\n");
        });
        md.append('\n');
    }

    private static String markdown(Backtest.Settings settings, MonthlySeries series, Backtest.Result result,
                                   List<String> cases) {
        StringBuilder md = new StringBuilder();
        EvaluationResult headline = result.evaluations().getFirst();
        md.append("# Back-test: ").append(headline.window()).append("\n\n");
        md.append("Input: UCDP GED fatalities per country and month (").append(series.byCountry().size())
                .append(" countries), replayed through Horizon's own scoring topology on event time from ")
                .append(settings.historyFrom()).append(": the months before each window are its warm-up, for ")
                .append("every method. Each month's total is released on its last day, or up to two days later ")
                .append("so that no 30-day scoring window holds two months; every method reads it on that day. ")
                .append("Only alerts issued and labels dated inside a window count. Nothing has been fitted on ")
                .append("these years yet: the split (fit up to 2009, test 2010 onwards) is kept for when ")
                .append("something is.\n\n");
        md.append("- **Warnings** count only when issued before the onset's month began: in one of the 1–3 or ")
                .append("1–6 calendar months before it. **Same-month detection** is an alert from the month's ")
                .append("first day until its total is released. The **label rule** fires exactly when the fatality ")
                .append("definition holds: the ceiling of same-month detection, and a sign that it is trivial.\n")
                .append("- An alert is judged only when its labels cover every month it could warn of (censored ")
                .append("otherwise); a label only when every alert that could warn of it was issued in the window.\n")
                .append("- Matched volume: whichever of Horizon and the baseline raised more alerts in the window is ")
                .append("thinned to the other's volume by its own strength (Horizon: signal score; rules: the ")
                .append("month's deaths; HDX published: its value).\n")
                .append("- Intervals: 90% percentile intervals from ").append(EvaluationResult.RESAMPLES)
                .append(" resamples of countries (seed ").append(EvaluationResult.SEED).append(").\n\n");
        md.append("Labels over the history: ");
        md.append(String.join("; ", result.labels().stream().map(s -> s.name() + " " + s.onsets().size()
                + " (covered until " + s.coveredUntil() + ")").toList())).append(".\n\n");
        for (EvaluationResult evaluation : result.evaluations()) {
            md.append("## ").append(evaluation.window()).append("\n\n");
            for (LabelSet labels : result.labels()) {
                for (LeadWindow lead : LeadWindow.ALL) {
                    md.append("### Against ").append(labels.name()).append(", ").append(lead.name()).append("\n\n");
                    table(md, evaluation.scorecards().stream().filter(c -> c.labels().equals(labels.name())
                            && c.lead().equals(lead.name())).toList());
                    md.append("At matched volume:\n\n");
                    comparisons(md, evaluation.comparisons().stream().filter(c -> c.labels().equals(labels.name())
                            && c.lead().equals(lead.name())).toList());
                }
            }
            for (LeadWindow lead : List.of(LeadWindow.AHEAD_1_6, LeadWindow.SAME_MONTH)) {
                md.append("### Precision / recall over alert volume, ").append(Backtest.FATALITY_LABELS).append(", ")
                        .append(lead.name()).append("\n\nEach method thinned to the strongest share of its alerts ")
                        .append("(judged alerts: precision / recall).\n\n");
                curve(md, evaluation.curve().stream().filter(p -> p.labels().equals(Backtest.FATALITY_LABELS)
                        && p.lead().equals(lead.name())).toList());
            }
        }
        md.append("![F1](scores.svg)\n![curve](curve-").append(slug(LeadWindow.AHEAD_1_6)).append(".svg)\n\n");
        md.append("## Cases\n\nHorizon's alerts (").append(settings.minLevel().label()).append("+, new or escalating) ")
                .append("and what it said in the ").append(CASE_MONTHS).append(" months before the onset's month ")
                .append("(every public signal, any level, up to the onset month's release).\n\n")
                .append("| case | onset | warned 1–6 months ahead | same-month detection | highest score before "
                        + "| signals |\n|---|---|---|---|---|---|\n");
        cases.forEach(line -> md.append(line).append('\n'));
        md.append('\n');
        return md.toString();
    }
}
