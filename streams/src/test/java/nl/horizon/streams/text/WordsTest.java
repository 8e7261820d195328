package nl.horizon.streams.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Text to words: accents and case gone, split on all but letters and digits, ASCII or not alike. */
class WordsTest {

    @Test
    void lowerCaseWithoutAccentsSplitOnAllButLettersAndDigits() {
        assertThat(Words.of("L'armée a tué 12 civils à Ménaka.")).containsExactly("l", "armee", "a", "tue", "12",
                "civils", "a", "menaka");
        assertThat(Words.of("Gunmen KILLED 3 villagers -- near Mopti, 2026/11/18")).containsExactly("gunmen",
                "killed", "3", "villagers", "near", "mopti", "2026", "11", "18");
        assertThat(Words.of("  ")).isEmpty();
        assertThat(Words.of(null)).isEmpty();
    }

    /** Arabic without its vowel marks, hamza seats and tatweel, so that every way of writing a name is one word. */
    @Test
    void arabicWithoutMarksTatweelAndAlefForms() {
        assertThat(Words.of("قُتِلَ عشرة مدنيين في مالي")).containsExactly("قتل", "عشرة", "مدنيين", "في", "مالي");
        assertThat(Words.of("أفغانستان")).isEqualTo(Words.of("افغانستان")).isEqualTo(Words.of("أَفْغَانِسْتَان"));
        assertThat(Words.of("إسرائيل")).isEqualTo(Words.of("اسرائيل"));
        assertThat(Words.of("الســـودان")).containsExactly("السودان");
        assertThat(Words.of("ٱلقاهرة، مصر")).containsExactly("القاهرة", "مصر");
        assertThat(Words.of("مستشفى")).containsExactly("مستشفي");
    }

    /** The article and one-letter clitics come off an Arabic word only where what is left is a known name. */
    @Test
    void arabicCliticsComeOffOnlyBeforeAKnownNameAndTheArticleAloneNever() {
        Set<String> known = Set.of("السودان", "مالي", "لبنان", "ليبيا", "جنوب");
        assertThat(Words.arabicBase("بالسودان", known::contains)).isEqualTo("السودان");
        assertThat(Words.arabicBase("والسودان", known::contains)).isEqualTo("السودان");
        assertThat(Words.arabicBase("للسودان", known::contains)).isEqualTo("السودان");
        assertThat(Words.arabicBase("وبالسودان", known::contains)).isEqualTo("السودان");
        assertThat(Words.arabicBase("المالي", known::contains)).as("the financial, not Mali").isEqualTo("المالي");
        assertThat(Words.arabicBase("بالمالي", known::contains)).isEqualTo("بالمالي");
        assertThat(Words.arabicBase("ولبنان", known::contains)).isEqualTo("لبنان");
        assertThat(Words.arabicBase("لبنان", known::contains)).isEqualTo("لبنان");
        assertThat(Words.arabicBase("بجنوب", known::contains)).isEqualTo("جنوب");
        assertThat(Words.arabicBase("بيروت", known::contains)).isEqualTo("بيروت");
        assertThat(Words.arabicBase("وبا", known::contains)).isEqualTo("وبا");
        assertThat(Words.arabicBase("sudan", known::contains)).isEqualTo("sudan");
        assertThat(Words.isArabic("مالي")).isTrue();
        assertThat(Words.isArabic("mali")).isFalse();
        assertThat(Words.isArabic("")).isFalse();
    }

    /** The ASCII shortcut gives what the Unicode path gives, on any ASCII text. */
    @Test
    void asciiTextGivesTheWordsOfTheUnicodePath() {
        Random random = new Random(17);
        for (int n = 0; n < 2_000; n++) {
            char[] text = new char[random.nextInt(60)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) random.nextInt(0x80);
            }
            String ascii = new String(text);
            List<String> unicode = Words.of(ascii + " \u00e9"); // one accented word takes the Unicode path
            assertThat(Words.of(ascii)).as(ascii).isEqualTo(unicode.subList(0, unicode.size() - 1));
        }
    }
}
