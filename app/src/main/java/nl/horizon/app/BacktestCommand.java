package nl.horizon.app;

import nl.horizon.backtest.Backtest;
import nl.horizon.backtest.Evaluation;
import nl.horizon.schema.RiskLevel;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.forecast.ForecastModel;
import org.apache.kafka.common.config.ConfigException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code horizon backtest}: the arguments, their defaults and their errors. The scoring it measures is
 * the product's, loaded from the same configuration as a running Horizon.
 */
final class BacktestCommand {

    static final Path SHARED = Path.of("..", "shared", "data");
    static final Path DEFAULT_INPUT = SHARED.resolve("ucdp").resolve("country_month_fatalities_1989-2019.csv");
    static final Path DEFAULT_LABELS = SHARED.resolve("conflict-labels");
    static final Path DEFAULT_STRUCTURAL = SHARED.resolve("structural");
    static final Path DEFAULT_PUBLISHED = SHARED.resolve("hdx-signals").resolve("hdx_signals_1998-2019.csv");
    static final Map<String, Path> DEFAULT_GDELT = Map.of(
            "YEM", SHARED.resolve("gdelt").resolve("gdelt_yemen_actor1_monthyear_eventcode_counts_2010-02_2016-05.csv"),
            "SLE", SHARED.resolve("gdelt").resolve("gdelt_sierraleone_actor1_monthyear_eventcode_counts_2010-02_2016-05.csv"));

    private BacktestCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path input = DEFAULT_INPUT;
        Path outDir = Path.of("data", "backtest");
        Optional<Path> config = Optional.empty();
        // the headline window is out of sample for anything fitted up to 2009; the reference window is the
        // whole series after a year of history (the labels need one)
        YearMonth historyFrom = YearMonth.of(1989, 1);
        YearMonth from = YearMonth.of(2010, 1);
        YearMonth to = YearMonth.of(2019, 12);
        YearMonth referenceFrom = YearMonth.of(1990, 1);
        RiskLevel level = RiskLevel.WARNING;
        Path labels = Files.isDirectory(DEFAULT_LABELS) ? DEFAULT_LABELS : null;
        Path published = Files.isReadable(DEFAULT_PUBLISHED) ? DEFAULT_PUBLISHED : null;
        Path structural = Files.isDirectory(DEFAULT_STRUCTURAL) ? DEFAULT_STRUCTURAL : null;
        Optional<Path> forecastFile = Optional.empty();
        Map<String, Path> gdelt = new java.util.TreeMap<>();
        DEFAULT_GDELT.forEach((country, file) -> {
            if (Files.isReadable(file)) {
                gdelt.put(country, file);
            }
        });
        boolean gdeltGiven = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--input" -> input = Path.of(value);
                    case "--out" -> outDir = Path.of(value);
                    case "--config" -> config = Optional.of(Path.of(value));
                    case "--from" -> from = YearMonth.parse(value);
                    case "--to" -> to = YearMonth.parse(value);
                    case "--history-from" -> historyFrom = YearMonth.parse(value);
                    case "--reference-from" -> referenceFrom = YearMonth.parse(value);
                    case "--alert-level" -> level = RiskLevel.parse(value);
                    case "--labels" -> labels = Path.of(value);
                    case "--published" -> published = Path.of(value);
                    case "--structural" -> structural = Path.of(value);
                    case "--forecast" -> forecastFile = Optional.of(Path.of(value));
                    case "--gdelt" -> {
                        if (!gdeltGiven) {
                            gdelt.clear();
                            gdeltGiven = true;
                        }
                        String[] pair = value.split("=", 2);
                        if (pair.length != 2 || !nl.horizon.schema.Countries.isAlpha3(pair[0])) {
                            throw new IllegalArgumentException("--gdelt takes ISO3=FILE, not '" + value + "'");
                        }
                        gdelt.put(pair[0], Path.of(pair[1]));
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
                i++;
            }
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to);
            }
            if (from.isBefore(historyFrom) || referenceFrom.isBefore(historyFrom)) {
                throw new IllegalArgumentException("--from and --reference-from must not be before --history-from "
                        + historyFrom);
            }
            if (!Files.isReadable(input)) {
                throw new IllegalArgumentException("no input at " + input + "; give --input with a country-month "
                        + "fatality table (month_end and one column per country)");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("horizon backtest: " + e.getMessage());
            return Main.USAGE_ERROR;
        }
        ScoringModel model;
        Backtest.Forecast forecast = null;
        try {
            Path configDir = Main.configuration(config, System.getenv(), err).scoringDir();
            model = ScoringModel.load(configDir);
            Path modelFile = forecastFile.orElse(configDir.resolve("forecast.yaml"));
            if (structural != null && labels != null && Files.isReadable(modelFile)) {
                forecast = new Backtest.Forecast(ForecastModel.read(modelFile), structural);
            } else if (forecastFile.isPresent()) {
                throw new IllegalArgumentException("--forecast needs a readable file and --structural and --labels "
                        + "folders: " + modelFile + ", " + structural + ", " + labels);
            }
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("horizon: configuration error: " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        List<Evaluation> windows = new ArrayList<>();
        windows.add(new Evaluation("headline", from, to));
        if (referenceFrom.isBefore(from)) {
            windows.add(new Evaluation("reference", referenceFrom, to));
        }
        Backtest.Result result = Backtest.run(new Backtest.Settings(input, historyFrom, windows, outDir, level, labels,
                published, gdelt, forecast), model, out);
        result.evaluations().forEach(e -> {
            out.println(e.window() + ":");
            e.scorecards().forEach(s -> out.printf(java.util.Locale.ROOT,
                    "  %-32s %-17s %-24s alerts %5d  hits %4d  labels %4d  missed %4d  precision %.3f  recall %.3f"
                            + "  F1 %.3f [%.3f, %.3f]%n", s.labels(), s.lead(), s.method(), s.alerts(), s.hits(),
                    s.onsets(), s.missed(), s.precision(), s.recall(), s.f1(), s.f1Interval().low(),
                    s.f1Interval().high()));
        });
        return 0;
    }
}
