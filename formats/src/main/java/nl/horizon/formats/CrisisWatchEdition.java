package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.horizon.schema.Json;
import nl.horizon.schema.RejectReason;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CrisisWatch edition, in either of two shapes, split into {@code crisiswatch-entry} items with one
 * shape: {@code country, iso3, edition (yyyy-MM), arrow, alert_type, headline, summary}.
 * <ul>
 *   <li>the structured edition: an object with {@code month} ("February 2026") and {@code entries} that
 *       carry {@code country, iso3, arrow} (deteriorated/improved/unchanged), {@code alert_type}
 *       (conflict_risk/resolution_opportunity) and {@code summary};</li>
 *   <li>the text form: an array of countries with {@code month_year} ("DECEMBER 2024") and entries of
 *       {@code bolded_title} and {@code paragraph} (a list), without arrows.</li>
 * </ul>
 *
 * <p>Every entry becomes one item with its own id. One edition holds several entries under one country
 * code (a conflict-risk alert and a regional "Nile Waters" entry both filed under Ethiopia; "China/Japan"
 * and "South China Sea" under China), and an id of edition and country alone made all but the first
 * vanish as repeats. The id is therefore the edition, the entry's heading, and for a heading that
 * occurs again its occurrence number; see {@link EntryIds}.
 */
public final class CrisisWatchEdition {

    /** The item format of CrisisWatch entries. */
    public static final String ENTRY_FORMAT = "crisiswatch-entry";

    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMMM yyyy").toFormatter(Locale.ENGLISH);

    private CrisisWatchEdition() {
    }

    /**
     * Splits an edition into entries.
     *
     * @throws Rejection when the document is not JSON, repeats a key in one object, has neither shape, or its
     *                   month does not parse
     */
    public static List<Split> split(String json) throws Rejection {
        JsonNode root = InputJson.read(json);
        if (root != null && root.isObject() && root.path("entries").isArray()) {
            return structured(root);
        }
        if (root != null && root.isArray()) {
            return text(root);
        }
        throw new Rejection(RejectReason.MALFORMED, "not a CrisisWatch edition: expected an object with 'entries' "
                + "or an array of countries");
    }

    private static List<Split> structured(JsonNode root) throws Rejection {
        String edition = month(root.path("month").asText(""), "month");
        List<Split> splits = new ArrayList<>();
        EntryIds ids = new EntryIds();
        for (JsonNode entry : root.get("entries")) {
            ObjectNode item = Json.mapper().createObjectNode();
            item.put("country", entry.path("country").asText(""));
            item.put("iso3", entry.path("iso3").asText(""));
            item.put("edition", edition);
            item.put("arrow", entry.path("arrow").asText(""));
            item.put("alert_type", entry.path("alert_type").asText(""));
            item.put("headline", entry.path("headline").asText(""));
            item.put("summary", entry.path("summary").asText(""));
            splits.add(itemOf(item, ids.next(edition, heading(item))));
        }
        return splits;
    }

    private static List<Split> text(JsonNode root) throws Rejection {
        List<Split> splits = new ArrayList<>();
        EntryIds ids = new EntryIds();
        for (JsonNode country : root) {
            String edition = month(country.path("month_year").asText(""), "month_year");
            for (JsonNode entry : country.path("entries")) {
                List<String> paragraphs = new ArrayList<>();
                entry.path("paragraph").forEach(p -> paragraphs.add(p.asText()));
                ObjectNode item = Json.mapper().createObjectNode();
                item.put("country", country.path("country").asText(""));
                item.put("iso3", "");
                item.put("edition", edition);
                item.put("arrow", "");
                item.put("alert_type", "");
                item.put("headline", entry.path("bolded_title").asText(""));
                item.put("summary", String.join("\n\n", paragraphs));
                splits.add(itemOf(item, ids.numbered(edition, heading(item))));
            }
        }
        return splits;
    }

    private static Split itemOf(ObjectNode item, String id) {
        if (item.path("country").asText().isBlank() && item.path("iso3").asText().isBlank()) {
            return new Split.Rejected(id, new Rejection(RejectReason.INVALID_FIELD, "entry names no country"),
                    item.toString());
        }
        return new Split.Item(new SourceItem(id, ENTRY_FORMAT, item.toString()));
    }

    /**
     * What an entry is filed under: its country code when its heading names just that country (so the
     * ids of plain country entries are the ones they always were), else the heading as written
     * ("China/Japan", "South China Sea").
     */
    private static String heading(JsonNode item) {
        String iso3 = item.path("iso3").asText("").trim().toUpperCase(Locale.ROOT);
        String country = item.path("country").asText("").trim();
        if (iso3.isEmpty()) {
            return country;
        }
        if (country.isEmpty() || CountryNames.standard().alpha3(country).filter(iso3::equals).isPresent()) {
            return iso3;
        }
        return country;
    }

    private static String month(String text, String field) throws Rejection {
        try {
            return YearMonth.parse(text.trim(), MONTH).toString();
        } catch (DateTimeParseException e) {
            throw ItemFields.invalid(field, text, "a month such as 'February 2026'");
        }
    }
}
