package nl.horizon.streams.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Text to the words that lexicons and place names are matched against: lower case, accents removed,
 * split on anything that is not a letter or digit (an apostrophe too, so "l'armée" is "l", "armee").
 * One normalisation for text and for terms, so that they always meet. Arabic is written with or without its
 * vowel marks (tashkeel) and hamza seats, and stretched with tatweel for layout: all are removed, so that
 * "أفغانستان", "افغانستان" and "أَفْغَانِسْتَان" are one word (the hamza on or under an alef is a mark that falls away
 * with the accents; alef wasla is alef, alef maksura is yeh).
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final char TATWEEL = '\u0640';
    private static final char ALEF = '\u0627';
    private static final char ALEF_WASLA = '\u0671';
    private static final char ALEF_MAKSURA = '\u0649';
    private static final char YEH = '\u064a';
    private static final char LAM = '\u0644';
    /** Conjunctions written onto the next word: wa "and", fa "so". */
    private static final String CONJUNCTIONS = "\u0648\u0641";
    /** Prepositions written onto the next word: bi "in, by", ka "like", li "for, to". */
    private static final String PREPOSITIONS = "\u0628\u0643\u0644";

    private Words() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        if (ascii(text)) {
            splitAscii(text, words);
            return words;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace(String.valueOf(TATWEEL), "").replace(ALEF_WASLA, ALEF)
                .replace(ALEF_MAKSURA, YEH);
        for (String word : SEPARATORS.split(plain)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same words for text in ASCII, most of what is read, without the Unicode decomposition and the two
     * regular expressions, which took a tenth of normalising and extracting a report: ASCII has no accents,
     * and its letters and digits are {@code [A-Za-z0-9]}.
     */
    private static void splitAscii(String text, List<String> words) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inWord = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
    }

    /**
     * An Arabic word as the name it carries, where one is known: Arabic writes the one-letter conjunctions
     * and prepositions (و ف, ب ك ل) onto the word that follows, so "بالسودان" is "in Sudan", "وليبيا" "and
     * Libya" and "للسودان" "for Sudan" (li + al- drops the alef). Such a word is read as the longest form left
     * after taking them off that is {@code known}; a word that is known as written, that no such form makes
     * known, or that is not Arabic is returned unchanged (ليبيا begins with the letter lam, and stays Libya).
     * The article al- alone is never taken off: a country the JDK names without it is not written with it,
     * and "المالي" is "the financial" far more often than "the Malian".
     */
    public static String arabicBase(String word, Predicate<String> known) {
        if (!isArabic(word) || known.test(word)) {
            return word;
        }
        String best = null;
        for (int conjunction = 0; conjunction <= 1; conjunction++) {
            if (conjunction == 1 && CONJUNCTIONS.indexOf(word.charAt(0)) < 0) {
                continue;
            }
            for (int preposition = 0; preposition <= 1; preposition++) {
                if (conjunction + preposition == 0 || word.length() <= conjunction + preposition + 1
                        || preposition == 1 && PREPOSITIONS.indexOf(word.charAt(conjunction)) < 0) {
                    continue;
                }
                String rest = word.substring(conjunction + preposition);
                best = longer(best, known.test(rest) ? rest : null);
                if (preposition == 1 && word.charAt(conjunction) == LAM && rest.charAt(0) == LAM) {
                    String withArticle = ALEF + rest;
                    best = longer(best, known.test(withArticle) ? withArticle : null);
                }
            }
        }
        return best == null ? word : best;
    }

    /** Whether a word is written in Arabic script (its first letter is in the Arabic block). */
    public static boolean isArabic(String word) {
        return !word.isEmpty() && word.charAt(0) >= '\u0600' && word.charAt(0) <= '\u06ff';
    }

    private static String longer(String a, String b) {
        return a == null || b != null && b.length() > a.length() ? b : a;
    }
}
