package nl.horizon.formats;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The language a text is written in, for reports whose source does not say: the lexicon an indicator is
 * matched with is the report's language's, and a Portuguese story read with the English lexicon finds
 * nothing. Optimaize's n-gram detector with all its built-in profiles (about 70 languages, so that a Russian
 * or Arabic text is not forced into the nearest Latin-script one); a guess below
 * {@value #MIN_PROBABILITY} or from fewer than {@value #MIN_LETTERS} letters is no answer, because a wrong
 * language is worse than none (an unknown language is matched with every lexicon).
 */
public final class TextLanguage {

    static final double MIN_PROBABILITY = 0.80;
    static final int MIN_LETTERS = 20;
    private static final TextLanguage STANDARD = new TextLanguage();

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    private TextLanguage() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the detector's built-in language profiles cannot be read", e);
        }
    }

    /** The shared detector (its profiles take a moment and some memory to load, so once). */
    public static TextLanguage standard() {
        return STANDARD;
    }

    /** The ISO 639-1 code of the language {@code text} is written in, when the detector is confident. */
    public Optional<String> of(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        List<DetectedLanguage> guesses = detector.getProbabilities(texts.forText(text));
        return guesses.stream().filter(g -> g.getProbability() >= MIN_PROBABILITY).findFirst()
                .map(g -> g.getLocale().getLanguage());
    }
}
