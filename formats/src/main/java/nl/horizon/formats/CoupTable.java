package nl.horizon.formats;

import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.RejectReason;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Powell &amp; Thyne's coup table, read into {@link CoupAttempt}s: a CSV with a header naming at least
 * {@code country, year, month, day, coup} ({@code coup} 1 = failed, 2 = successful), one row per attempt,
 * dated to the day. Countries are named in English ("Burkina Faso", "Congo-Brazzaville") and mapped to
 * ISO3 with {@link CountryNames}. The back-test and the coup drop folder read the table here, so the
 * forecast counts the same attempts in both.
 * <p>
 * A row that cannot be read (a country no ISO3 code names, a date that is no day, a {@code coup} other
 * than 1 or 2, the wrong number of cells) is rejected on its own, with the reason; the other rows flow.
 */
public final class CoupTable {

    private static final List<String> COLUMNS = List.of("country", "year", "month", "day", "coup");

    private CoupTable() {
    }

    /**
     * What a table gave: its attempts and its rejected rows; together they are every row of the table.
     *
     * @param attempts the attempts, in file order
     * @param rejected the rows that could not be read
     */
    public record Read(List<CoupAttempt> attempts, List<RejectedRow> rejected) {
    }

    /**
     * @param rejection why
     * @param country   the row's country as written (empty when the row has none)
     * @param payload   the row as it was in the file
     */
    public record RejectedRow(Rejection rejection, String country, String payload) {
    }

    /** Whether {@code text} is a coup table: its first line names the columns it is read by. */
    public static boolean detect(String text) {
        String first = text.replace("\uFEFF", "").lines().findFirst().orElse("");
        return Arrays.stream(first.split(",")).map(String::trim).toList().containsAll(COLUMNS);
    }

    /**
     * Reads a table.
     *
     * @param source names the table on every attempt (its file name)
     * @throws Rejection when the table as a whole cannot be read: not a CSV, or a header without the columns
     */
    public static Read read(String source, String text) throws Rejection {
        List<String[]> rows = CsvRows.of(source, text.replace("\uFEFF", ""));
        List<String> header = Arrays.stream(rows.get(0)).map(String::trim).toList();
        if (!header.containsAll(COLUMNS)) {
            throw new Rejection(RejectReason.MALFORMED, source + " is not a coup table: its header lacks one of "
                    + COLUMNS);
        }
        int[] at = COLUMNS.stream().mapToInt(header::indexOf).toArray();
        List<CoupAttempt> attempts = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            String country = row.length > at[0] ? row[at[0]].trim() : "";
            try {
                attempts.add(attempt(source, header.size(), at, row));
            } catch (Rejection rejection) {
                rejected.add(new RejectedRow(rejection, country, String.join(",", row)));
            }
        }
        return new Read(attempts, rejected);
    }

    private static CoupAttempt attempt(String source, int cells, int[] at, String[] row) throws Rejection {
        if (row.length != cells) {
            throw new Rejection(RejectReason.MALFORMED, "a row of " + row.length + " cells; the header has " + cells);
        }
        String name = row[at[0]].trim();
        String country = CountryNames.standard().alpha3(name).orElseThrow(() -> new Rejection(
                RejectReason.UNKNOWN_COUNTRY, "country '" + name + "' maps to no ISO 3166-1 code"));
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(row[at[1]].trim()), Integer.parseInt(row[at[2]].trim()),
                    Integer.parseInt(row[at[3]].trim()));
        } catch (NumberFormatException | DateTimeException e) {
            throw new Rejection(RejectReason.INVALID_FIELD, "the attempt in " + name + " on " + row[at[1]] + "-"
                    + row[at[2]] + "-" + row[at[3]] + " is not dated to a day");
        }
        String coup = row[at[4]].trim();
        if (!coup.equals("1") && !coup.equals("2")) {
            throw new Rejection(RejectReason.INVALID_FIELD, "coup '" + coup + "' of " + name + " on " + day
                    + " is neither 1 (failed) nor 2 (successful)");
        }
        return new CoupAttempt(country, day, coup.equals("2"), source);
    }
}
