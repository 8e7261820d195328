package nl.horizon.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching passages of search hits, each passage once, HTML-escaped with the matching words in
 * {@code <mark>}. Every document's {@code text} holds its title and body, and the title and language
 * fields hold the same words again: highlighting each field gave the same passage up to five times. So
 * only {@code text} is highlighted, with the matches of every searchable field laid over it (masked
 * fields: the text is analysed as each of them, and a word is marked where any analysis matches the
 * query, so {@code fights} marks {@code fighting} through the English stemmer). The title's offsets are
 * the start of the text's, so its matches land in place.
 */
final class Highlights extends UnifiedHighlighter {

    /** Passages per hit: the best ones, in the order of the text. */
    private static final int PASSAGES = 3;
    private static final Set<String> SEARCHABLE = Set.of(IndexFields.searchable());

    private Highlights(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new EachPassage())
                .withMaskedFieldsFunc(field -> IndexFields.TEXT.equals(field) ? SEARCHABLE : Set.of())
                .withHighlightPhrasesStrictly(false));
    }

    /** Per Lucene document number of a hit, its passages with a match; hits without one are left out. */
    static Map<Integer, List<String>> of(IndexSearcher searcher, Analyzer analyzer, Query query, TopDocs top)
            throws IOException {
        Map<Integer, List<String>> byDoc = new LinkedHashMap<>();
        if (top.scoreDocs.length == 0) {
            return byDoc;
        }
        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        Object[] found = new Highlights(searcher, analyzer).highlightFieldsAsObjects(
                new String[] {IndexFields.TEXT}, query, docs, new int[] {PASSAGES}).get(IndexFields.TEXT);
        for (int i = 0; i < docs.length; i++) {
            if (found[i] instanceof List<?> passages && !passages.isEmpty()) {
                byDoc.put(docs[i], passages.stream().map(String.class::cast).toList());
            }
        }
        return byDoc;
    }

    /**
     * Formats each passage on its own; only passages with a match are kept (with none, the highlighter
     * offers the start of the text).
     */
    private static final class EachPassage extends PassageFormatter {

        private final DefaultPassageFormatter one = new DefaultPassageFormatter("<mark>", "</mark>", "", true);

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> out = new ArrayList<>();
            for (Passage passage : passages) {
                if (passage.getNumMatches() > 0) {
                    out.add((String) one.format(new Passage[] {passage}, content));
                }
            }
            return out;
        }
    }
}
