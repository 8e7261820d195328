package nl.horizon.streams.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text to the words that lexicons and place names are matched against: lower case, accents removed,
 * split on anything that is not a letter or digit (an apostrophe too, so "l'armée" is "l", "armee").
 * One normalisation for text and for terms, so that they always meet.
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String word : SEPARATORS.split(plain)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
