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
        for (JsonNode entry : root.get("entries")) {
            ObjectNode item = Json.mapper().createObjectNode();
            item.put("country", entry.path("country").asText(""));
            item.put("iso3", entry.path("iso3").asText(""));
            item.put("edition", edition);
            item.put("arrow", entry.path("arrow").asText(""));
            item.put("alert_type", entry.path("alert_type").asText(""));
            item.put("headline", entry.path("headline").asText(""));
            item.put("summary", entry.path("summary").asText(""));
            splits.add(itemOf(item, edition + ":" + key(item)));
        }
        return splits;
    }

    private static List<Split> text(JsonNode root) throws Rejection {
        List<Split> splits = new ArrayList<>();
        for (JsonNode country : root) {
            String edition = month(country.path("month_year").asText(""), "month_year");
            int n = 0;
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
                splits.add(itemOf(item, edition + ":" + key(item) + ":" + ++n));
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

    private static String key(JsonNode item) {
        String iso3 = item.path("iso3").asText("");
        return iso3.isBlank() ? item.path("country").asText("") : iso3;
    }

    private static String month(String text, String field) throws Rejection {
        try {
            return YearMonth.parse(text.trim(), MONTH).toString();
        } catch (DateTimeParseException e) {
            throw ItemFields.invalid(field, text, "a month such as 'February 2026'");
        }
    }
}
