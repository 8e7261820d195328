package nl.horizon.formats;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import nl.horizon.schema.RejectReason;

import java.io.IOException;
import java.util.List;

/**
 * A whole table file read as rows of cells, header first: the one reader of the tables that are data rather
 * than reports (structural indicators, coup attempts), so a file that is no CSV, or an empty one, is refused
 * with the same reason wherever it is dropped.
 */
final class CsvRows {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvRows() {
    }

    /** The rows of {@code text}, the header first; never empty. */
    static List<String[]> of(String source, String text) throws Rejection {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            List<String[]> rows = it.readAll();
            if (rows.isEmpty()) {
                throw new Rejection(RejectReason.MALFORMED, source + " has no header");
            }
            return rows;
        } catch (IOException e) {
            throw new Rejection(RejectReason.MALFORMED, source + " is not a CSV: " + e.getMessage(), e);
        }
    }
}
