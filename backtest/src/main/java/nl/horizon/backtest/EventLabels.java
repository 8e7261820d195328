package nl.horizon.backtest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import nl.horizon.formats.CountryNames;
import nl.horizon.formats.CoupTable;
import nl.horizon.formats.Rejection;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.RejectReason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Onsets that come from outside the fatality series, so a method is also judged on events it does not
 * read: coup attempts (Powell &amp; Thyne: day-exact dates, failed or successful) and the starts of armed
 * conflict episodes (UCDP/PRIO Armed Conflict Dataset, {@code start_date2}: the start of the episode).
 * Rows whose country names no ISO3 code are left out and counted. Neither comes from the fatality series
 * the methods read. Each file covers the years it has rows for, through December of its last year.
 */
public final class EventLabels {

    private EventLabels() {
    }

    /**
     * Coup attempts within {@code from..to}, read with {@link CoupTable} (the parser the coup drop folder
     * uses). Rows whose country names no ISO3 code are left out and counted; any other bad row stops the
     * read.
     */
    public static LabelSet coups(String name, Path csv, YearMonth from, YearMonth to, List<String> unmapped)
            throws IOException {
        CoupTable.Read read;
        try {
            read = CoupTable.read(csv.getFileName().toString(), Files.readString(csv));
        } catch (Rejection rejection) {
            throw new IOException(rejection.getMessage(), rejection);
        }
        for (CoupTable.RejectedRow row : read.rejected()) {
            if (row.rejection().reason() != RejectReason.UNKNOWN_COUNTRY) {
                throw new IOException(csv + ": " + row.rejection().detail() + ": " + row.payload());
            }
            unmapped.add(row.country());
        }
        List<Onset> onsets = new ArrayList<>();
        for (CoupAttempt attempt : read.attempts()) {
            Onset onset = new Onset(attempt.country(), attempt.day(), "coup");
            if (within(attempt.day(), from, to) && !onsets.contains(onset)) {
                onsets.add(onset);
            }
        }
        int last = read.attempts().stream().mapToInt(a -> a.day().getYear()).max()
                .orElseThrow(() -> new IllegalArgumentException("a label file without attempts"));
        return new LabelSet(name, onsets, YearMonth.of(last, 12));
    }

    /** Starts of conflict episodes within {@code from..to}, once per conflict and episode. */
    public static LabelSet conflictStarts(String name, Path csv, YearMonth from, YearMonth to, List<String> unmapped)
            throws IOException {
        List<Onset> onsets = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        List<Map<String, String>> rows = rows(csv);
        for (Map<String, String> row : rows) {
            String start = row.getOrDefault("start_date2", "");
            if (start.isBlank() || !seen.add(row.get("conflict_id") + "|" + start)) {
                continue;
            }
            LocalDate date = LocalDate.parse(start);
            if (within(date, from, to)) {
                for (String place : row.get("location").split(",\\s*")) {
                    add(onsets, place, date, "conflict-start", unmapped);
                }
            }
        }
        return new LabelSet(name, onsets, coveredUntil(rows));
    }

    /** December of the last year the file has rows for. */
    private static YearMonth coveredUntil(List<Map<String, String>> rows) {
        int year = rows.stream().mapToInt(row -> Integer.parseInt(row.get("year"))).max()
                .orElseThrow(() -> new IllegalArgumentException("a label file without rows"));
        return YearMonth.of(year, 12);
    }

    private static void add(List<Onset> onsets, String name, LocalDate date, String kind, List<String> unmapped) {
        CountryNames.standard().alpha3(name).ifPresentOrElse(code -> {
            Onset onset = new Onset(code, date, kind);
            if (!onsets.contains(onset)) {
                onsets.add(onset);
            }
        }, () -> unmapped.add(name));
    }

    private static boolean within(LocalDate date, YearMonth from, YearMonth to) {
        YearMonth month = YearMonth.from(date);
        return !month.isBefore(from) && !month.isAfter(to);
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(Files.newBufferedReader(csv))) {
            return it.readAll();
        }
    }
}
