package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.RejectReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of the ReliefWeb API's {@code /reports} answer: each element of {@code data} becomes a
 * {@code reliefweb-report} item (the element as received), and {@code links.next.href} is the next page.
 *
 * @param splits the reports on this page
 * @param next   the next page's address, if any
 */
public record ReliefWebPage(List<Split> splits, Optional<String> next) {

    /** The item format of ReliefWeb reports. */
    public static final String REPORT_FORMAT = "reliefweb-report";

    /**
     * Reads a page.
     *
     * @throws Rejection when the answer is not JSON, repeats a key in one object, or has no {@code data} array
     */
    public static ReliefWebPage read(String json) throws Rejection {
        JsonNode root = InputJson.read(json);
        if (root == null || !root.path("data").isArray()) {
            throw new Rejection(RejectReason.MALFORMED, "not a ReliefWeb API answer: no 'data' array");
        }
        List<Split> splits = new ArrayList<>();
        int index = 0;
        for (JsonNode report : root.get("data")) {
            String id = report.path("id").asText("");
            if (id.isBlank()) {
                splits.add(new Split.Rejected("data[" + index + "]", new Rejection(RejectReason.INVALID_FIELD,
                        "data[" + index + "] has no id"), report.toString()));
            } else {
                String changed = report.path("fields").path("date").path("changed").asText("");
                splits.add(new Split.Item(new SourceItem(id, REPORT_FORMAT, report.toString(),
                        changed.isBlank() ? null : changed)));
            }
            index++;
        }
        String next = root.path("links").path("next").path("href").asText("");
        return new ReliefWebPage(List.copyOf(splits), next.isBlank() ? Optional.empty() : Optional.of(next));
    }
}
