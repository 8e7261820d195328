package nl.horizon.formats;

import nl.horizon.schema.RejectReason;
import nl.horizon.schema.StructuralValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A country-year table in the layout its publisher ships, read into {@link StructuralValue}s: the World
 * Bank's bulk indicator CSV ({@code API_<indicator>_DS2_en_csv_v2_N.csv}: a byte-order mark, four preamble
 * lines, then {@code Country Name, Country Code, Indicator Name, Indicator Code, 1960, 1961, ...}, one row
 * per country or aggregate) or Our World in Data's grapher CSV ({@code Entity, Code, Year, <value>, ...},
 * one row per country-year; the first column after {@code Year} is the value). The back-test and the
 * structural drop folder read tables here, so both see the same values.
 * <p>
 * An empty cell is a year without a value, and an OWID row without a code a region, not a country: both are
 * skipped. A row that cannot be read (no country code, a value that is no number, the wrong number of
 * cells) is rejected on its own, with the reason; the other rows flow.
 */
public enum StructuralTable {

    /** The World Bank's bulk-download indicator CSV. */
    WORLD_BANK,
    /** Our World in Data's grapher CSV. */
    OWID;

    private static final List<String> WORLD_BANK_COLUMNS = List.of("Country Name", "Country Code", "Indicator Name",
            "Indicator Code");

    /**
     * What a table gave: its values and its rejected rows.
     *
     * @param values   the values, in file order
     * @param rejected the rows that could not be read
     */
    public record Read(List<StructuralValue> values, List<RejectedRow> rejected) {
    }

    /**
     * @param rejection why
     * @param payload   the row as it was in the file
     */
    public record RejectedRow(Rejection rejection, String payload) {
    }

    /** Recognises a table by its text: the World Bank's header within its first lines, or OWID's first line. */
    public static Optional<StructuralTable> detect(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = body.lines().findFirst().orElse("");
        if (first.startsWith("Entity,Code,Year,")) {
            return Optional.of(OWID);
        }
        return body.lines().limit(6).anyMatch(l -> l.startsWith("\"Country Name\",\"Country Code\",\"Indicator Name\""))
                ? Optional.of(WORLD_BANK) : Optional.empty();
    }

    /**
     * Reads a table.
     *
     * @param source names the table on every value (its file name)
     * @throws Rejection when the table as a whole cannot be read
     */
    public Read read(String source, String text) throws Rejection {
        String body = text.replace("\uFEFF", "");
        List<String[]> rows = CsvRows.of(source, this == WORLD_BANK ? body.substring(worldBankHeader(source, body)) : body);
        String[] header = rows.get(0);
        List<StructuralValue> values = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            try {
                if (this == WORLD_BANK) {
                    worldBankRow(source, header, row, values);
                } else {
                    owidRow(source, header, row, values);
                }
            } catch (Rejection rejection) {
                rejected.add(new RejectedRow(rejection, String.join(",", row)));
            }
        }
        return new Read(values, rejected);
    }

    private static int worldBankHeader(String source, String body) throws Rejection {
        int header = body.indexOf("\"Country Name\"");
        if (header < 0) {
            throw new Rejection(RejectReason.MALFORMED, source + " is not a World Bank bulk CSV: no \"Country Name\" header");
        }
        return header;
    }

    private static void worldBankRow(String source, String[] header, String[] row, List<StructuralValue> values)
            throws Rejection {
        if (row.length < WORLD_BANK_COLUMNS.size() || row.length > header.length) {
            throw new Rejection(RejectReason.MALFORMED, "a row of " + row.length + " cells; the header has "
                    + header.length);
        }
        String code = row[1].trim();
        String indicator = row[3].trim();
        if (code.isEmpty() || indicator.isEmpty()) {
            throw new Rejection(RejectReason.INVALID_FIELD, "a row without a Country Code or Indicator Code");
        }
        List<StructuralValue> read = new ArrayList<>();
        for (int c = WORLD_BANK_COLUMNS.size(); c < row.length; c++) {
            if (header[c].matches("\\d{4}") && !row[c].isBlank()) {
                read.add(new StructuralValue(code, indicator, Integer.parseInt(header[c]), number(code, header[c], row[c]),
                        source));
            }
        }
        values.addAll(read);
    }

    private static void owidRow(String source, String[] header, String[] row, List<StructuralValue> values)
            throws Rejection {
        if (row.length != header.length) {
            throw new Rejection(RejectReason.MALFORMED, "a row of " + row.length + " cells; the header has "
                    + header.length);
        }
        String code = row[1].trim();
        if (code.isEmpty() || row[3].isBlank()) {
            return;
        }
        if (!row[2].trim().matches("-?\\d{1,4}")) {
            throw new Rejection(RejectReason.INVALID_FIELD, "Year '" + row[2] + "' of " + code + " is not a year");
        }
        values.add(new StructuralValue(code, header[3], Integer.parseInt(row[2].trim()), number(code, row[2], row[3]),
                source));
    }

    private static double number(String code, String year, String cell) throws Rejection {
        double value;
        try {
            value = Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        // Java reads "NaN" and "Infinity" as numbers; no table means them as values
        if (!Double.isFinite(value)) {
            throw new Rejection(RejectReason.INVALID_FIELD, "the value of " + code + " in " + year + " is not a number: '"
                    + cell + "'");
        }
        return value;
    }
}
