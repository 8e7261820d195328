package nl.horizon.streams.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

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
