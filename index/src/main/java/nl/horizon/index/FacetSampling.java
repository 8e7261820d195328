package nl.horizon.index;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.util.List;

/**
 * Which of a search's matches its facets are counted over: all of them up to {@link #EXACT_UP_TO}, and beyond
 * that a sample of about {@link #SAMPLE} of them, whose counts are scaled up to the matches and marked as
 * estimates. Counting reads every counted document's facet values through the index-wide ordinal map, so its
 * cost grows with the matches: over a million reports a common word matches some 400,000 of them. (The sampler
 * still walks every match to draw its sample; with a report's four facet values that walk costs about what it
 * saves, so the gain grows with the facet values a document holds; see {@code BENCHMARKS.md}.) Totals are never
 * sampled: the search counts every match.
 *
 * <p>The sample is Lucene's {@link RandomSamplingFacetsCollector}: the matches, in index order, cut into bins of
 * equal size, one document drawn from each. It is drawn from the matches the caller may see, so the counts of a
 * sample are counts of documents the caller may see, as exact counts are. Its generator starts from a fixed
 * seed, so the same search on the same index state counts the same sample and answers the same estimates; a
 * refresh or merge that changes the index's segments may draw another. The scale is the matches over the
 * documents actually drawn (bins hold a whole number of documents, so a sample is larger than asked for when
 * the matches are not a multiple of it), not the sampler's nominal rate.
 */
final class FacetSampling {

    /** Up to this many matches every one is counted. */
    static final int EXACT_UP_TO = 100_000;
    /** About this many matches are counted beyond {@link #EXACT_UP_TO}: a value counted in 1% of them is off by about 7%. */
    static final int SAMPLE = 20_000;
    private static final long SEED = 0x486f72697a6f6eL;

    private FacetSampling() {
    }

    /** Collects the matches, for {@link #of}. */
    static CollectorManager<RandomSamplingFacetsCollector, RandomSamplingFacetsCollector> collector() {
        return RandomSamplingFacetsCollector.createManager(SAMPLE, SEED);
    }

    /**
     * The documents to count facets over.
     *
     * @param docs  the matches to count, all or a sample
     * @param scale what to multiply a count by: 1 when all are counted
     */
    record Counted(FacetsCollector docs, double scale) {

        /** Whether the counts over {@link #docs} are estimates. */
        boolean estimated() {
            return scale != 1;
        }
    }

    /** How many documents matched, all of them: the sample does not change it. */
    static long total(RandomSamplingFacetsCollector collected) {
        long total = 0;
        for (FacetsCollector.MatchingDocs segment : collected.getOriginalMatchingDocs()) {
            total += segment.totalHits();
        }
        return total;
    }

    /** All matches when there are at most {@link #EXACT_UP_TO} of them, a sample of them otherwise. */
    static Counted of(RandomSamplingFacetsCollector collected, long matches) throws IOException {
        if (matches <= EXACT_UP_TO) {
            return new Counted(allOf(collected), 1);
        }
        return new Counted(collected, (double) matches / size(collected.getMatchingDocs()));
    }

    /** The collected matches as a collector that hands out all of them, not its sample. */
    private static FacetsCollector allOf(RandomSamplingFacetsCollector collected) {
        return new FacetsCollector() {
            @Override
            public List<MatchingDocs> getMatchingDocs() {
                return collected.getOriginalMatchingDocs();
            }
        };
    }

    private static long size(List<FacetsCollector.MatchingDocs> docs) throws IOException {
        long n = 0;
        for (FacetsCollector.MatchingDocs segment : docs) {
            DocIdSetIterator it = segment.bits().iterator();
            if (it != null) {
                while (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                    n++;
                }
            }
        }
        return n;
    }
}
