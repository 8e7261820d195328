package nl.horizon.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.util.ClasspathResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * How text is analysed: a language-neutral field for every document (standard tokens, lower case,
 * accents folded), and one field per language for documents in it: English (stemming), French
 * (elision, so {@code l'armée} finds {@code armée}, and light stemming) and Dutch (compound words split
 * against {@code dutch-compound-parts.txt}, so {@code vluchtelingenkamp} finds {@code kamp}, then
 * stemming). A query is analysed per field with the same analyzers.
 *
 * <p>Country codes are indexed as they are on the topic, upper case and untokenised; in a query,
 * {@code country:mli} is upper-cased to {@code MLI}, since the neutral analyzer would lower-case it into a
 * term no document holds. Search and saved queries share this analyzer, so both read it alike.
 */
final class IndexAnalysis {

    private IndexAnalysis() {
    }

    static Analyzer perField() {
        try {
            Analyzer neutral = CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding").build();
            Analyzer dutch = CustomAnalyzer.builder(new ClasspathResourceLoader(IndexAnalysis.class))
                    .withTokenizer("standard").addTokenFilter("lowercase")
                    .addTokenFilter("dictionaryCompoundWord", "dictionary", "dutch-compound-parts.txt",
                            "minSubwordSize", "3", "onlyLongestMatch", "false")
                    .addTokenFilter("snowballPorter", "language", "Dutch").addTokenFilter("asciiFolding").build();
            Analyzer countryCode = CustomAnalyzer.builder().withTokenizer("keyword")
                    .addTokenFilter("uppercase").build();
            return new PerFieldAnalyzerWrapper(neutral, Map.of(
                    IndexFields.COUNTRY, countryCode,
                    IndexFields.text("en"), new EnglishAnalyzer(),
                    IndexFields.text("fr"), new FrenchAnalyzer(),
                    IndexFields.text("nl"), dutch));
        } catch (IOException e) {
            throw new UncheckedIOException("the analyzers' resources ship with the index module", e);
        }
    }
}
