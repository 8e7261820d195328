package nl.horizon.app;

import nl.horizon.backtest.EventLabels;
import nl.horizon.backtest.ForecastFit;
import nl.horizon.backtest.MonthlySeries;
import nl.horizon.backtest.OnsetLabels;
import nl.horizon.backtest.forecast.ReplayedHistory;
import nl.horizon.backtest.forecast.StructuralConditions;
import nl.horizon.streams.scoring.ScoringSettings;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;
import org.apache.kafka.common.config.ConfigException;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code horizon forecast-fit}: fits the onset forecast on history up to {@code --until} (2009-12) and
 * writes its trees ({@code config/forecast.yaml}). Every input is cut at {@code --until} as it is
 * read, so nothing later can reach the fit; the warning rule is chosen on the validation
 * folds that start at each month of {@code --validate-from} (2000-01,2005-01: rolling origin, each fold
 * scored with a fit that ends before it) and end at {@code --until} ({@link ForecastFit}).
 */
final class ForecastFitCommand {

    private ForecastFitCommand() {
    }

    private static String value(List<YearMonth> months) {
        return String.join(",", months.stream().map(YearMonth::toString).toList());
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path input = BacktestCommand.DEFAULT_INPUT;
        Path labels = BacktestCommand.DEFAULT_LABELS;
        Path structural = BacktestCommand.DEFAULT_STRUCTURAL;
        Path target = Path.of("config", "forecast.yaml");
        Optional<Path> config = Optional.empty();
        YearMonth historyFrom = YearMonth.of(1989, 1);
        List<YearMonth> validateFrom = List.of(YearMonth.of(2000, 1), YearMonth.of(2005, 1));
        YearMonth until = YearMonth.of(2009, 12);
        String version = null;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--input" -> input = Path.of(value);
                    case "--labels" -> labels = Path.of(value);
                    case "--structural" -> structural = Path.of(value);
                    case "--out" -> target = Path.of(value);
                    case "--config" -> config = Optional.of(Path.of(value));
                    case "--history-from" -> historyFrom = YearMonth.parse(value);
                    case "--validate-from" -> validateFrom = Arrays.stream(value.split(",")).map(String::trim)
                            .map(YearMonth::parse).toList();
                    case "--until" -> until = YearMonth.parse(value);
                    case "--version" -> version = value;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (version == null) {
                throw new IllegalArgumentException("--version is required: it names the fit in every warning");
            }
            YearMonth previous = historyFrom.plusMonths(12);
            for (YearMonth from : validateFrom) {
                if (!from.isAfter(previous) || !from.isBefore(until)) {
                    throw new IllegalArgumentException("--validate-from " + value(validateFrom) + ": each fold must "
                            + "start inside the history " + historyFrom.plusMonths(12) + ".." + until
                            + ", in time order");
                }
                previous = from;
            }
            for (Path p : new Path[]{input, labels, structural}) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("no input at " + p);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("horizon forecast-fit: " + e.getMessage());
            return Main.USAGE_ERROR;
        }
        ReleaseCalendar calendar;
        try {
            // only the scoring settings: the fit must not need the model file it is about to replace
            calendar = new ReleaseCalendar(ScoringSettings.load(Main.configuration(config, System.getenv(), err)
                    .scoringDir().resolve("scoring.yaml")).recentDays());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("horizon: configuration error: " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        MonthlySeries series = MonthlySeries.read(input, historyFrom, until);
        ReplayedHistory history = ReplayedHistory.of(series, StructuralConditions.read(structural),
                EventLabels.coups("coups", labels.resolve("powell_thyne_coups_1950-2019.csv"), YearMonth.of(1946, 1),
                        until, new ArrayList<>()).onsets());
        ForecastModel model = ForecastFit.fit(new ForecastFit.Inputs(version, history,
                OnsetLabels.of("fatality onsets and escalations", series), calendar, validateFrom, until));
        model.write(target);
        out.printf(Locale.ROOT, "forecast-fit: %s fitted on %s..%s (%d rows, %d with an outcome), %s %s; warns on "
                        + "p(%d months) >= %s, cooldown %d months (validation F1 1-6 months ahead %.3f); written to %s%n",
                model.version(), model.fit().from(), model.fit().to(), model.fit().rows(), model.fit().outcomes(),
                model.family(), model.setting(), model.alert().horizonMonths(), model.alert().threshold(), model.alert().cooldownMonths(),
                model.validation().f1(), target);
        return 0;
    }
}
