package nl.horizon.formats;

import nl.horizon.schema.RejectReason;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * REIGN's election calendar (Bell, Besaw &amp; Frank), read into dated {@link Event}s: a CSV with a header
 * naming at least {@code country, elecnum, elec_year, elec_month, elec_day, event, regular}, one row per
 * event of an election (announced, held as scheduled or early, delay announced, voided, deadline met or
 * not met). Countries are named in English and mapped to ISO3 with {@link CountryNames}, as the coup
 * table's are, so the forecast counts both in the same countries.
 * <p>
 * An event dated to a month only (no {@code elec_day}) is dated to the month's last day: it is known once
 * the month is over, never earlier. A blank {@code regular} is read as irregular, the cautious reading (an
 * irregular election is known only from its announcement). Spellings the table varies on ("Vote, As
 * scheduled", "Deadline, Not Met", "Anulled") are read as their kind.
 * <p>
 * A row that cannot be read (a country no ISO3 code names, a date that is no date, an event of no known
 * kind, the wrong number of cells) is rejected on its own, with the reason; the other rows flow.
 */
public final class ElectionCalendar {

    private static final List<String> COLUMNS = List.of("country", "elecnum", "elec_year", "elec_month",
            "elec_day", "event", "regular");

    /** What happened to an election on an event's day. */
    public enum Kind {
        /** The election was called (its date set). */
        ANNOUNCED,
        /** REIGN assumes an announcement it did not find dated (not a dated announcement). */
        ANNOUNCEMENT_ASSUMED,
        /** Still to come when the table was compiled. */
        UPCOMING,
        VOTE_AS_SCHEDULED,
        VOTE_EARLY,
        DELAY_ANNOUNCED,
        /** The date the election was due by passed and it was held. */
        DEADLINE_MET,
        /** The date the election was due by passed without it. */
        DEADLINE_NOT_MET,
        /** Cancelled or annulled. */
        VOIDED,
        REGIME_FAILURE,
        VOIDED_BY_REGIME_CHANGE;

        /** Whether a vote was held. */
        public boolean isVote() {
            return this == VOTE_AS_SCHEDULED || this == VOTE_EARLY;
        }
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("announced", Kind.ANNOUNCED), Map.entry("announcement", Kind.ANNOUNCED),
            Map.entry("announcement assumed", Kind.ANNOUNCEMENT_ASSUMED),
            Map.entry("upcoming scheduled", Kind.UPCOMING),
            Map.entry("vote as scheduled", Kind.VOTE_AS_SCHEDULED), Map.entry("vote early", Kind.VOTE_EARLY),
            Map.entry("delay announced", Kind.DELAY_ANNOUNCED), Map.entry("delay", Kind.DELAY_ANNOUNCED),
            Map.entry("deadline met", Kind.DEADLINE_MET), Map.entry("deadline not met", Kind.DEADLINE_NOT_MET),
            Map.entry("voided", Kind.VOIDED), Map.entry("anulled", Kind.VOIDED), Map.entry("annulled", Kind.VOIDED),
            Map.entry("regime failure", Kind.REGIME_FAILURE),
            Map.entry("voided by regime change", Kind.VOIDED_BY_REGIME_CHANGE));

    private ElectionCalendar() {
    }

    /**
     * @param country  ISO3
     * @param election REIGN's election number ({@code elecnum}): the events of one election share it
     * @param day      the event's day (a month's last day when only the month is given)
     * @param kind     what happened
     * @param regular  whether the election was due by the constitutional calendar
     */
    public record Event(String country, String election, LocalDate day, Kind kind, boolean regular) {
    }

    /**
     * What a table gave: its events and its rejected rows; together they are every row of the table.
     *
     * @param events   the events, in file order
     * @param rejected the rows that could not be read
     */
    public record Read(List<Event> events, List<RejectedRow> rejected) {
    }

    /**
     * @param rejection why
     * @param country   the row's country as written (empty when the row has none)
     * @param payload   the row as it was in the file
     */
    public record RejectedRow(Rejection rejection, String country, String payload) {
    }

    /**
     * Reads a table.
     *
     * @param source names the table in errors (its file name)
     * @throws Rejection when the table as a whole cannot be read: not a CSV, or a header without the columns
     */
    public static Read read(String source, String text) throws Rejection {
        List<String[]> rows = CsvRows.of(source, text.replace("\uFEFF", ""));
        List<String> header = Arrays.stream(rows.get(0)).map(String::trim).toList();
        if (!header.containsAll(COLUMNS)) {
            throw new Rejection(RejectReason.MALFORMED, source + " is not an election calendar: its header lacks "
                    + "one of " + COLUMNS);
        }
        int[] at = COLUMNS.stream().mapToInt(header::indexOf).toArray();
        List<Event> events = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            String country = row.length > at[0] ? row[at[0]].trim() : "";
            try {
                events.add(event(header.size(), at, row));
            } catch (Rejection rejection) {
                rejected.add(new RejectedRow(rejection, country, String.join(",", row)));
            }
        }
        return new Read(events, rejected);
    }

    private static Event event(int cells, int[] at, String[] row) throws Rejection {
        if (row.length != cells) {
            throw new Rejection(RejectReason.MALFORMED, "a row of " + row.length + " cells; the header has " + cells);
        }
        String name = row[at[0]].trim();
        String country = CountryNames.standard().alpha3(name).orElseThrow(() -> new Rejection(
                RejectReason.UNKNOWN_COUNTRY, "country '" + name + "' maps to no ISO 3166-1 code"));
        String written = row[at[5]].trim();
        Kind kind = KINDS.get(written.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").trim());
        if (kind == null) {
            throw new Rejection(RejectReason.INVALID_FIELD, "event '" + written + "' of " + name + " is no kind of "
                    + "election event REIGN lists");
        }
        LocalDate day;
        try {
            YearMonth month = YearMonth.of(Integer.parseInt(row[at[2]].trim()), Integer.parseInt(row[at[3]].trim()));
            String d = row[at[4]].trim();
            day = d.isEmpty() ? month.atEndOfMonth() : month.atDay(Integer.parseInt(d));
        } catch (NumberFormatException | DateTimeException e) {
            throw new Rejection(RejectReason.INVALID_FIELD, "the event in " + name + " on " + row[at[2]].trim() + "-"
                    + row[at[3]].trim() + "-" + row[at[4]].trim() + " is not dated");
        }
        return new Event(country, row[at[1]].trim(), day, kind, row[at[6]].trim().equalsIgnoreCase("Y"));
    }
}
