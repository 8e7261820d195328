package nl.horizon.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import nl.horizon.schema.Json;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coded event data as delivered in files: each row becomes one item whose payload is a JSON object of
 * the row's columns. A row with the wrong number of columns or no id is rejected on its own; the other
 * rows still flow.
 */
public enum EventTable {

    /** ACLED's export, comma-separated with a header (31 columns in the current layout). */
    ACLED("acled", "acled-event", "event_id_cnty"),
    /** UCDP Georeferenced Event Dataset (GED and Candidate GED), comma-separated with a header. */
    UCDP_GED("ucdp", "ucdp-ged-event", "id"),
    /**
     * GDELT event exports, tab-separated, no header: GDELT 1.0 with 57 columns (events added before April
     * 2013) or 58 (with {@code SOURCEURL}), and GDELT 2.0 with 61 (an {@code ADM2Code} after each
     * {@code ADM1Code}). The width of each row says which.
     */
    GDELT("gdelt", "gdelt-event", "GLOBALEVENTID");

    /** GDELT 1.0 column names, in file order; the 58th, SOURCEURL, is absent from older rows. */
    static final List<String> GDELT1_COLUMNS = List.of("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
            "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
            "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
            "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
            "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
            "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
            "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
            "Actor1Geo_ADM1Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type",
            "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_Lat", "Actor2Geo_Long",
            "Actor2Geo_FeatureID", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
            "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL");

    /** GDELT 2.0 column names: the 1.0 names with an ADM2 code after each ADM1 code. */
    static final List<String> GDELT2_COLUMNS = GDELT1_COLUMNS.stream()
            .flatMap(c -> c.endsWith("_ADM1Code") ? java.util.stream.Stream.of(c, c.replace("ADM1", "ADM2"))
                    : java.util.stream.Stream.of(c))
            .toList();

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final String sourceName;
    private final String itemFormat;
    private final String idColumn;

    EventTable(String sourceName, String itemFormat, String idColumn) {
        this.sourceName = sourceName;
        this.itemFormat = itemFormat;
        this.idColumn = idColumn;
    }

    /** The source name its items get unless configured otherwise, e.g. {@code acled}. */
    public String sourceName() {
        return sourceName;
    }

    /** The item format of this table's rows. */
    public String itemFormat() {
        return itemFormat;
    }

    /** Recognises a table by its first line. */
    public static Optional<EventTable> detect(String firstLine) {
        String line = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
        String unquoted = line.replace("\"", "");
        if (unquoted.startsWith("event_id_cnty,")) {
            return Optional.of(ACLED);
        }
        if (unquoted.startsWith("id,relid,year,")) {
            return Optional.of(UCDP_GED);
        }
        String[] cells = line.split("\t", -1);
        if (gdeltColumns(cells.length).isPresent() && cells[0].chars().allMatch(Character::isDigit)) {
            return Optional.of(GDELT);
        }
        return Optional.empty();
    }

    /** Splits a whole file into items, one per row. */
    public List<Split> split(String text) {
        return this == GDELT ? splitTabs(text) : splitCsv(text);
    }

    private List<Split> splitCsv(String text) {
        List<Split> splits = new ArrayList<>();
        List<String> header = null;
        int line = 0;
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(text)) {
            while (rows.hasNextValue()) {
                line = rows.getCurrentLocation().getLineNr();
                List<String> row = rows.nextValue();
                if (header == null) {
                    header = row.stream().map(s -> s.startsWith("\uFEFF") ? s.substring(1) : s).toList();
                } else if (!(row.size() == 1 && row.get(0).isBlank())) {
                    splits.add(row(header, row, "line " + line));
                }
            }
        } catch (IOException | RuntimeException e) {
            String rest = text.lines().skip(Math.max(0, line)).collect(java.util.stream.Collectors.joining("\n"));
            splits.add(new Split.Rejected("line " + (line + 1) + " to the end", new Rejection(RejectReason.MALFORMED,
                    "broken CSV from line " + (line + 1) + ": " + Reasons.firstLine(e.getMessage())), rest));
        }
        return splits;
    }

    private List<Split> splitTabs(String text) {
        List<Split> splits = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                List<String> cells = Arrays.asList(lines[i].split("\t", -1));
                Optional<List<String>> columns = gdeltColumns(cells.size());
                splits.add(columns.isPresent() ? row(columns.get(), cells, "line " + (i + 1), lines[i])
                        : new Split.Rejected("line " + (i + 1), new Rejection(RejectReason.MALFORMED, "line " + (i + 1)
                        + " has " + cells.size() + " columns; expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0)"),
                        lines[i]));
            }
        }
        return splits;
    }

    private Split row(List<String> header, List<String> cells, String locator) {
        return row(header, cells, locator, String.join(",", cells));
    }

    private static Optional<List<String>> gdeltColumns(int width) {
        return switch (width) {
            case 57, 58 -> Optional.of(GDELT1_COLUMNS.subList(0, width));
            case 61 -> Optional.of(GDELT2_COLUMNS);
            default -> Optional.empty();
        };
    }

    private Split row(List<String> header, List<String> cells, String locator, String raw) {
        if (cells.size() != header.size()) {
            return new Split.Rejected(locator, new Rejection(RejectReason.MALFORMED, locator + " has " + cells.size()
                    + " columns; expected " + header.size()), raw);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), cells.get(i));
        }
        String id = fields.getOrDefault(idColumn, "").trim();
        if (id.isEmpty()) {
            return new Split.Rejected(locator, new Rejection(RejectReason.INVALID_FIELD, locator + ": the id column '"
                    + idColumn + "' is empty"), raw);
        }
        try {
            return new Split.Item(new SourceItem(id, itemFormat, Json.mapper().writeValueAsString(fields)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
