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

    private static final String[] PALETTE = {"#c00000", "#4472c4", "#ed7d31", "#70ad47", "#7030a0", "#808080", "#00a0a0"};

    private Charts() {
    }

    /** F1 with its interval per method, grouped by lead window: a bar and a whisker per row. */
    static String f1(String title, List<Scorecard> cards) {
        int rowHeight = 22;
        int width = 860;
        int left = 330;
        int plotW = width - left - 90;
        int height = 60 + cards.size() * rowHeight;
        StringBuilder svg = header(width, height, "F1 [90% interval], " + title);
        for (int i = 0; i < cards.size(); i++) {
            Scorecard c = cards.get(i);
            int y = 36 + i * rowHeight;
            svg.append(text(left - 8, y + 13, c.lead() + ": " + c.method(), "#222", "end"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>%n",
                    left, y + 2, c.f1() * plotW, PALETTE[1]));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n",
                    left + c.f1Interval().low() * plotW, left + c.f1Interval().high() * plotW, y + 9, y + 9));
            svg.append(text((int) (left + c.f1Interval().high() * plotW + 6), y + 13,
                    String.format(Locale.ROOT, "%.2f", c.f1()), "#444", "start"));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Precision against recall, one line per method through its points from 25% to 100% of its alerts. */
    static String curve(String title, List<CurvePoint> points) {
        int width = 760;
        int height = 480;
        int left = 60;
        int top = 40;
        int plot = 380;
        StringBuilder svg = header(width, height, "Precision / recall over alert volume, " + title);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", left, top, plot, plot));
        svg.append(text(left + plot / 2, top + plot + 30, "recall", "#222", "middle"));
        svg.append(text(left - 40, top + plot / 2, "precision", "#222", "middle"));
        for (int k = 0; k <= 4; k++) {
            svg.append(text(left + k * plot / 4, top + plot + 14, String.format(Locale.ROOT, "%.2f", k / 4.0), "#444",
                    "middle"));
            svg.append(text(left - 4, top + plot - k * plot / 4 + 4, String.format(Locale.ROOT, "%.2f", k / 4.0),
                    "#444", "end"));
        }
        List<String> methods = points.stream().map(CurvePoint::method).distinct().toList();
        for (int m = 0; m < methods.size(); m++) {
            String colour = PALETTE[m % PALETTE.length];
            StringBuilder path = new StringBuilder();
            for (CurvePoint p : points) {
                if (p.method().equals(methods.get(m))) {
                    double x = left + p.recall() * plot;
                    double y = top + plot - p.precision() * plot;
                    path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                            + "<title>%s</title></circle>%n", x, y, colour, escape(p.method() + " " + (int) (p.share() * 100)
                            + "%: " + p.alerts() + " alerts")));
                }
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\"/>\n");
            svg.append(text(left + plot + 20, top + 14 + m * 18, methods.get(m), colour, "start"));
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
