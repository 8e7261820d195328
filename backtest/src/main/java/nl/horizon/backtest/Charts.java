package nl.horizon.backtest;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Signal;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Plain SVG charts, written by hand: no charting library is needed for bars and a line. */
final class Charts {

    private static final String[] COLOURS = {"#4472c4", "#ed7d31", "#70ad47"};

    private Charts() {
    }

    /** Precision, recall and F1 per method, as grouped bars. */
    static String bars(List<Scorecard> cards) {
        int rowHeight = 46;
        int width = 760;
        int left = 250;
        int height = 50 + cards.size() * rowHeight;
        StringBuilder svg = header(width, height, "Precision, recall and F1 per method");
        String[] names = {"precision", "recall", "F1"};
        for (int k = 0; k < 3; k++) {
            svg.append(text(left + k * 110, 28, names[k], COLOURS[k], "start"));
        }
        for (int i = 0; i < cards.size(); i++) {
            Scorecard c = cards.get(i);
            int y = 40 + i * rowHeight;
            svg.append(text(left - 8, y + 24, c.method(), "#222", "end"));
            double[] values = {c.precision(), c.recall(), c.f1()};
            for (int k = 0; k < 3; k++) {
                double w = values[k] * (width - left - 60);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>%n", left, y + 6 + k * 12, w,
                        COLOURS[k]));
                svg.append(text((int) (left + w + 4), y + 16 + k * 12, String.format(Locale.ROOT, "%.2f", values[k]),
                        "#444", "start"));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** Monthly deaths (bars), the public composite score (line) and Horizon's signals (marks) for a country. */
    static String timeline(String title, String country, MonthlySeries series, List<CountryRisk> risks,
                           List<Signal> signals, YearMonth from, YearMonth to) {
        int width = 900;
        int height = 320;
        int left = 60;
        int top = 40;
        int plotW = width - left - 60;
        int plotH = height - top - 50;
        long months = ChronoUnit.MONTHS.between(from, to) + 1;
        int maxDead = 1;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            maxDead = Math.max(maxDead, series.get(country, m));
        }
        StringBuilder svg = header(width, height, title + ": monthly deaths (bars), composite score (line), signals");
        double barW = (double) plotW / months;
        int i = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), i++) {
            double h = plotH * series.get(country, m) / (double) maxDead;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#bbb\"/>%n",
                    left + i * barW, top + plotH - h, Math.max(1, barW - 1), h));
            if (m.getMonthValue() == 1) {
                svg.append(text((int) (left + i * barW), top + plotH + 16, Integer.toString(m.getYear()), "#444", "start"));
            }
        }
        // a risk point is published only when the score changes, so the line steps: it holds each value
        // until the next point
        StringBuilder line = new StringBuilder();
        double lastY = 0;
        for (CountryRisk r : risks) {
            YearMonth m = YearMonth.from(r.day());
            if (r.country().equals(country) && r.classification() == Classification.PUBLIC && !m.isBefore(from)
                    && !m.isAfter(to)) {
                double x = left + (ChronoUnit.DAYS.between(from.atDay(1), r.day()) / 30.44) * barW;
                double y = top + plotH - plotH * r.score() / 100;
                if (line.isEmpty()) {
                    line.append(String.format(Locale.ROOT, "M%.1f %.1f", x, y));
                } else {
                    line.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, lastY, x, y));
                }
                lastY = y;
            }
        }
        if (!line.isEmpty()) {
            svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#c00000\" stroke-width=\"1.5\"/>\n");
        }
        for (Signal s : signals) {
            YearMonth m = YearMonth.from(s.day());
            if (s.country().equals(country) && !m.isBefore(from) && !m.isAfter(to)) {
                double x = left + (ChronoUnit.DAYS.between(from.atDay(1), s.day()) / 30.44) * barW;
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"><title>%s</title></circle>%n",
                        x, top - 6, colour(s), escape(s.day() + " " + s.lifecycle().label() + " " + s.level().label())));
            }
        }
        svg.append(text(left - 6, top + 8, Integer.toString(maxDead), "#444", "end"));
        svg.append(text(left + plotW + 6, top + 8, "100", "#c00000", "start"));
        return svg.append("</svg>\n").toString();
    }

    private static String colour(Signal s) {
        return switch (s.level()) {
            case ALERT -> "#c00000";
            case WARNING -> "#ed7d31";
            case WATCH -> "#ffc000";
            case CALM -> "#70ad47";
        };
    }

    private static StringBuilder header(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" "
                + "fill=\"white\"/>%n", width, height)).append(text(10, 16, title, "#000", "start"));
    }

    private static String text(int x, int y, String text, String colour, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s</text>%n", x, y,
                colour, anchor, escape(text));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
