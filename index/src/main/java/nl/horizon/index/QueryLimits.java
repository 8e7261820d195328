package nl.horizon.index;

import java.util.Set;

/**
 * Bounds on what a typed query may ask of the parser, checked on the text before Lucene parses it.
 * Lucene's classic parser descends once per parenthesis: four thousand of them overflowed the request
 * thread's stack, which answered nothing and logged a thousand-line trace per request. Every term also
 * becomes one clause per searchable field, so the number of terms bounds the work of a search and of
 * every saved query matched against each new document. An analyst's query stays far inside these bounds.
 */
final class QueryLimits {

    /** Characters in a query. */
    static final int MAX_CHARACTERS = 1_000;
    /** Parentheses open at once. */
    static final int MAX_DEPTH = 20;
    /** Terms and phrases; a field name, a boolean operator and a parenthesis are not terms. */
    static final int MAX_TERMS = 100;
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO", "&&", "||", "!", "+", "-");

    private QueryLimits() {
    }

    /**
     * Refuses a query beyond the bounds, naming the bound; the nesting is checked first, since that is
     * what breaks the parser.
     *
     * @throws InvalidQueryException saying which bound the query exceeds and by how much
     */
    static void check(String text) throws InvalidQueryException {
        Shape shape = Shape.of(text);
        if (shape.depth() > MAX_DEPTH) {
            throw refused("query nests parentheses " + shape.depth() + " deep, at most " + MAX_DEPTH);
        }
        if (text.length() > MAX_CHARACTERS) {
            throw refused("query is " + text.length() + " characters long, at most " + MAX_CHARACTERS);
        }
        if (shape.terms() > MAX_TERMS) {
            throw refused("query has " + shape.terms() + " terms, at most " + MAX_TERMS);
        }
    }

    private static InvalidQueryException refused(String reason) {
        return new InvalidQueryException(reason, null);
    }

    /**
     * How deep a query's parentheses nest and how many terms it has, read the way the classic syntax
     * reads it: a backslash escapes the next character, and a quoted phrase is one term whatever it holds.
     */
    private record Shape(int depth, int terms) {

        static Shape of(String text) {
            int depth = 0;
            int deepest = 0;
            int terms = 0;
            int wordStart = -1;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    if (!quoted && wordStart < 0) {
                        wordStart = i;
                    }
                    i++;
                } else if (quoted) {
                    quoted = c != '"';
                } else if (c == '"' || c == '(' || c == ')' || Character.isWhitespace(c)) {
                    terms += isTerm(text, wordStart, i) ? 1 : 0;
                    wordStart = -1;
                    if (c == '"') {
                        quoted = true;
                        terms++;
                    } else if (c == '(') {
                        deepest = Math.max(deepest, ++depth);
                    } else if (c == ')') {
                        depth--;
                    }
                } else if (wordStart < 0) {
                    wordStart = i;
                }
            }
            terms += isTerm(text, wordStart, text.length()) ? 1 : 0;
            return new Shape(deepest, terms);
        }

        /** Whether the word from {@code start} to {@code end} searches for something (-1: no word). */
        private static boolean isTerm(String text, int start, int end) {
            if (start < 0) {
                return false;
            }
            String word = text.substring(start, end);
            return !OPERATORS.contains(word) && !word.endsWith(":");
        }
    }
}
