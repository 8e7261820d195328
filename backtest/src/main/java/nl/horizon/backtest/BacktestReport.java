package nl.horizon.backtest;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Json;
import nl.horizon.schema.Signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a back-test's report: Markdown for people, JSON for machines, SVG charts for both. */
final class BacktestReport {

    /** The cases every report shows, caught or missed. */
    static final List<String[]> CASES = List.of(new String[] {"MLI", "2012-01", "Mali 2012"},
            new String[] {"SSD", "2013-12", "South Sudan 2013"}, new String[] {"CAF", "2013-03", "Central African Republic 2013"});

    private BacktestReport() {
    }

    static void write(Backtest.Settings settings, MonthlySeries series, Backtest.Result result, List<CountryRisk> risks)
            throws IOException {
        Backtest.ensure(settings.out());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", settings.from().toString());
        summary.put("to", settings.to().toString());
        summary.put("alertLevel", settings.minLevel().label());
        summary.put("leadDays", settings.leadDays());
        summary.put("countries", series.byCountry().size());
        Map<String, Integer> labelCounts = new LinkedHashMap<>();
        result.labels().forEach((name, onsets) -> labelCounts.put(name, onsets.size()));
        summary.put("labels", labelCounts);
        summary.put("unmappedNames", new java.util.TreeSet<>(result.unmapped()));
        summary.put("scorecards", result.scorecards());
        Files.write(settings.out().resolve("summary.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        Files.writeString(settings.out().resolve("scores.svg"), Charts.bars(result.scorecards().stream()
                .filter(c -> c.labels().equals(Backtest.FATALITY_ONSETS)).toList()));
        List<String> caseLines = new ArrayList<>();
        for (String[] c : CASES) {
            YearMonth onset = YearMonth.parse(c[1]);
            if (onset.isBefore(settings.from()) || onset.isAfter(settings.to())) {
                continue;
            }
            Files.writeString(settings.out().resolve("timeline-" + c[0] + ".svg"),
                    Charts.timeline(c[2], c[0], series, risks, result.signals(), onset.minusMonths(36), onset.plusMonths(12)));
            caseLines.add(caseLine(c, result));
        }
        Files.writeString(settings.out().resolve("report.md"), markdown(settings, series, result, caseLines));
    }

    private static String caseLine(String[] c, Backtest.Result result) {
        YearMonth onset = YearMonth.parse(c[1]);
        List<Signal> around = result.signals().stream().filter(s -> s.country().equals(c[0]))
                .filter(s -> !YearMonth.from(s.day()).isBefore(onset.minusMonths(24))
                        && !YearMonth.from(s.day()).isAfter(onset.plusMonths(2))).toList();
        String signals = around.isEmpty() ? "no signal"
                : String.join("; ", around.stream().map(s -> s.day() + " " + s.lifecycle().label() + " "
                + s.level().label() + " (score " + s.score() + ")").toList());
        boolean caught = result.horizonAlerts().stream().anyMatch(a -> a.country().equals(c[0])
                && !Backtest.monthOf(a).isBefore(onset.minusMonths(3)) && !Backtest.monthOf(a).isAfter(onset));
        return "| " + c[2] + " | " + c[1] + " | " + (caught ? "caught" : "**missed**") + " | " + signals + " |";
    }

    private static void table(StringBuilder md, List<Scorecard> cards) {
        md.append("| method | alerts | precision | recall | F1 | median lead (days) | warned ≥1 month | warned ≥3 months "
                + "| false alarms per country-year |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scorecard s : cards) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %s | %.3f | %.3f | %.3f |%n",
                    s.method(), s.alerts(), s.precision(), s.recall(), s.f1(),
                    s.medianLeadDays() == null ? "–" : String.format(Locale.ROOT, "%.0f", s.medianLeadDays()),
                    s.warned1Month(), s.warned3Months(), s.falseAlarmsPerCountryYear()));
        }
        md.append('\n');
    }

    private static String markdown(Backtest.Settings settings, MonthlySeries series, Backtest.Result result,
                                   List<String> cases) {
        StringBuilder md = new StringBuilder();
        md.append("# Back-test ").append(settings.from()).append(" to ").append(settings.to()).append("\n\n");
        md.append("Input: UCDP GED fatalities per country and month (").append(series.byCountry().size())
                .append(" countries), replayed through Horizon's own scoring topology on event time. ")
                .append("Fatality onsets labelled: ").append(result.onsets().size()).append(" (")
                .append(result.onsets().stream().filter(o -> o.kind().equals("onset")).count()).append(" onsets after calm, ")
                .append(result.onsets().stream().filter(o -> o.kind().equals("escalation")).count())
                .append(" escalations into a higher fatality band)")
                .append(result.labels().size() > 1 ? "; also scored against coup attempts and conflict starts" : "")
                .append(". An alert counts for an onset in its country when ")
                .append("raised at most ").append(settings.leadDays()).append(" days before it and not after it. Horizon's ")
                .append("alerts are its `new` and `escalating` signals at level ").append(settings.minLevel().label())
                .append(" or above; at a baseline's volume, its strongest new or escalating signals.\n\n");
        for (Map.Entry<String, List<Onset>> set : result.labels().entrySet()) {
            md.append("### Against ").append(set.getKey()).append(" (").append(set.getValue().size()).append(")\n\n");
            table(md, result.scorecards().stream().filter(c -> c.labels().equals(set.getKey())).toList());
        }
        int pool = result.poolSize();
        md.append("Horizon raised ").append(pool).append(" new or escalating signals at any level; where a baseline ")
                .append("raised more alerts than that, the matched comparison uses all ").append(pool).append(".\n");
        md.append("\n![scores](scores.svg)\n\n## Cases\n\n| case | onset month | Horizon | its signals around the onset |\n|---|---|---|---|\n");
        cases.forEach(line -> md.append(line).append('\n'));
        md.append("\n");
        for (String[] c : CASES) {
            md.append("![").append(c[2]).append("](timeline-").append(c[0]).append(".svg)\n");
        }
        md.append("\n## Reading it honestly\n\nThe labels come from the same series the methods read, and years up to 2019 ")
                .append("are the years the scoring was tuned on: a run over them is in-sample. Monthly data lets no ")
                .append("method warn before the month in which the deaths ")
                .append("are counted, so lead times here are mostly zero: this measures detection of onsets as they ")
                .append("happen, against the same data every method sees. Earlier warning needs earlier indicators ")
                .append("(posts, crisis watches, protests, displacement), which this input does not carry.\n");
        return md.toString();
    }
}
