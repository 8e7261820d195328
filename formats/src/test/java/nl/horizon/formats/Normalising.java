package nl.horizon.formats;

import nl.horizon.schema.Classification;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs split items through their item format, as the normaliser does, collecting reports and rejections. */
final class Normalising {

    final List<Report> reports = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<Split.Rejected> splitRejections = new ArrayList<>();

    static Normalising of(List<Split> splits, SourceKind kind, String source) {
        Normalising result = new Normalising();
        for (Split split : splits) {
            switch (split) {
                case Split.Item item -> {
                    RawItem raw = RawItem.of(item.item().itemId(), kind, source, item.item().format(),
                            Instant.parse("2026-11-23T00:00:00Z"), Classification.PUBLIC, item.item().payload());
                    try {
                        result.reports.add(ItemFormats.standard(nl.horizon.schema.Markings.standard()).toReport(raw));
                    } catch (Rejection r) {
                        result.rejections.add(r);
                    }
                }
                case Split.Rejected rejected -> result.splitRejections.add(rejected);
            }
        }
        return result;
    }
}
