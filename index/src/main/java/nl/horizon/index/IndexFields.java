package nl.horizon.index;

import org.apache.lucene.facet.FacetsConfig;

import java.util.List;
import java.util.Set;

/** Field names of the index and the facet dimensions, in one place. */
final class IndexFields {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String COUNTRY = "country";
    static final String SOURCE_KIND = "source_kind";
    static final String LEVEL = "level";
    static final String INDICATOR = "indicator";
    static final String CLASSIFICATION = "classification";
    static final String CLASSIFICATION_RANK = "classification_rank";
    /** On a caveated report only: {@code yes}, so that documents without caveats need no term of their own. */
    static final String CAVEATED = "caveated";
    /** On a caveated report only: its caveats, sorted, joined by {@code +} ({@code NODIS+NOFORN}). */
    static final String CAVEAT_SET = "caveat_set";
    static final String TIME = "time";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String JSON = "json";
    /** Groups a country's risk history per tier: {@code MLI:public}. */
    static final String SERIES = "series";
    /** The signal a triage decision is about. */
    static final String SIGNAL_ID = "signal_id";

    static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");
    /** Facet dimensions a search can count. */
    static final List<String> FACETS = List.of(KIND, COUNTRY, SOURCE_KIND, LEVEL, INDICATOR, CLASSIFICATION);

    private IndexFields() {
    }

    /** The text field of a language: {@code text_nl}. */
    static String text(String language) {
        return TEXT + "_" + language;
    }

    /** The fields a query's words are looked for in. */
    static String[] searchable() {
        return new String[] {TITLE, TEXT, text("en"), text("fr"), text("nl")};
    }

    static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : List.of(COUNTRY, SOURCE_KIND, INDICATOR)) {
            config.setMultiValued(dim, true);
        }
        return config;
    }
}
