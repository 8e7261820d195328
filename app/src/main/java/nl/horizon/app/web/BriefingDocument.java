package nl.horizon.app.web;

import nl.horizon.app.views.Briefing;
import nl.horizon.app.views.CountryLine;
import nl.horizon.app.views.EvidenceLink;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;

import java.util.List;
import java.util.Locale;

/**
 * A {@link Briefing} written out for the meeting: printable HTML (one self-contained page with print styles)
 * and Markdown (for mail and wikis); {@link BriefingPdf} makes the PDF. Every piece of text from a report is
 * encoded for the format it lands in, so a hostile report title stays text. The marking of the most
 * sensitive content sits at the top and bottom of the page, and in the margins of every printed page, as
 * on paper.
 */
public final class BriefingDocument {

    /** The characters of a report's body quoted as an excerpt. */
    static final int EXCERPT = 280;

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#111}
            .marking{text-align:center;font-weight:bold;letter-spacing:.1em;text-transform:uppercase;\
            border:2px solid #900;color:#900;padding:.2em}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left}
            .evidence{margin:.3em 0 1em 1.5em;color:#333}.excerpt{color:#555;font-size:90%}
            .level-alert{color:#900}.level-warning{color:#b45f06}.why{font-style:italic}
            @media print{a{color:inherit;text-decoration:none}body{margin:0}}
            """;

    /**
     * The marking in the margin of every printed page (CSS paged media: the PDF renderer and current browsers
     * print it), so that a page printed or passed on alone still carries it; the marking is one of the
     * classification ladder's fixed words, never input.
     */
    private static String pageMarking(String marking) {
        String box = "{content:\"" + marking.toUpperCase(Locale.ROOT) + "\";font:bold 10px sans-serif;color:#900;"
                + "letter-spacing:.1em}";
        return "@page{margin:2cm 1.6cm;@top-center" + box + "@bottom-center" + box + "}";
    }

    private BriefingDocument() {
    }

    /** The briefing as a printable HTML page (XHTML-clean, so that the PDF renderer reads the same page). */
    public static String html(Briefing b) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" />");
        out.append("<title>Horizon scan ").append(b.from()).append(" to ").append(b.to()).append("</title>");
        out.append("<style>").append(STYLE).append(pageMarking(b.marking().label())).append("</style></head><body>");
        out.append("<div class=\"marking top\">").append(escape(b.marking().label())).append("</div>");
        out.append("<h1>Horizon scan</h1><p>").append(b.from()).append(" to ").append(b.to()).append("</p>");
        out.append("<h2>Alerts and warnings</h2>");
        if (b.countries().isEmpty()) {
            out.append("<p>No country was at warning or alert in this period.</p>");
        }
        for (Briefing.BriefedCountry c : b.countries()) {
            CountryLine s = c.standing();
            out.append("<h3 class=\"level-").append(c.highest().label()).append("\">").append(escape(s.name()))
                    .append(" (").append(s.country()).append("): ").append(c.highest().label()).append("</h3><p>")
                    .append("Now ").append(s.level().label()).append(", score ").append(number(s.score())).append(" (")
                    .append(signed(s.change())).append(") on ").append(s.day()).append("</p>");
            if (s.whyLevel() != null) {
                out.append("<p class=\"why\">").append(escape(capitalised(s.whyLevel().explanation()))).append(".</p>");
            }
            evidenceHtml(out, c.evidence());
        }
        out.append("<h2>Top risers</h2>");
        if (b.risers().isEmpty()) {
            out.append("<p>No country's score rose in this period.</p>");
        } else {
            out.append("<table><thead><tr><th>Country</th><th>Score</th><th>Change</th><th>Level</th></tr></thead>"
                    + "<tbody>");
            for (CountryLine r : b.risers()) {
                out.append("<tr><td>").append(escape(r.name())).append(" (").append(r.country()).append(")</td><td>")
                        .append(number(r.score())).append("</td><td>").append(signed(r.change()))
                        .append("</td><td class=\"level-").append(r.level().label()).append("\">")
                        .append(r.level().label()).append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("<h2>New and escalating signals</h2>");
        if (b.alerts().isEmpty()) {
            out.append("<p>No new or escalating signals in this period.</p>");
        }
        for (Briefing.BriefedSignal alert : b.alerts()) {
            Signal s = alert.signal().signal();
            out.append("<h3 class=\"level-").append(s.level().label()).append("\">").append(escape(s.headline()))
                    .append(", ").append(number(s.score())).append("</h3><p>").append(s.day()).append(" · ")
                    .append(escape(s.detection().indicator())).append(" · observed ")
                    .append(number(s.detection().observed())).append(" against ").append(number(s.detection().baseline()))
                    .append(" expected").append(escape(status(alert))).append("</p>");
            evidenceHtml(out, alert.evidence());
        }
        out.append("<div class=\"marking bottom\">").append(escape(b.marking().label())).append("</div>");
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void evidenceHtml(StringBuilder out, List<Report> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        out.append("<ul class=\"evidence\">");
        for (Report r : evidence) {
            out.append("<li>[").append(escape(r.classification().label())).append("] ")
                    .append(escape(r.sourceKind().label())).append(" · ").append(r.publishedAt().toString(), 0, 10)
                    .append(" · ").append(escape(nullToEmpty(r.title())));
            String url = EvidenceLink.webLink(r);
            if (url != null) {
                out.append(" · <a href=\"").append(escape(url)).append("\">source</a>");
            }
            String excerpt = excerpt(r);
            if (!excerpt.isEmpty()) {
                out.append("<div class=\"excerpt\">").append(escape(excerpt)).append("</div>");
            }
            out.append("</li>");
        }
        out.append("</ul>");
    }

    /** The briefing as Markdown. */
    public static String markdown(Briefing b) {
        StringBuilder out = new StringBuilder();
        String marking = "**" + b.marking().label().toUpperCase(Locale.ROOT) + "**\n";
        out.append(marking).append('\n');
        out.append("# Horizon scan ").append(b.from()).append(" to ").append(b.to()).append("\n\n## Alerts and warnings\n\n");
        if (b.countries().isEmpty()) {
            out.append("No country was at warning or alert in this period.\n\n");
        }
        for (Briefing.BriefedCountry c : b.countries()) {
            CountryLine s = c.standing();
            out.append("### ").append(md(s.name())).append(" (").append(s.country()).append("): ")
                    .append(c.highest().label()).append("\n\nNow ").append(s.level().label()).append(", score ")
                    .append(number(s.score())).append(" (").append(signed(s.change())).append(") on ").append(s.day())
                    .append("\n\n");
            if (s.whyLevel() != null) {
                out.append('_').append(md(capitalised(s.whyLevel().explanation()))).append("._\n\n");
            }
            evidenceMarkdown(out, c.evidence());
        }
        out.append("## Top risers\n\n");
        if (b.risers().isEmpty()) {
            out.append("No country's score rose in this period.\n");
        } else {
            out.append("| Country | Score | Change | Level |\n|---|---|---|---|\n");
            for (CountryLine r : b.risers()) {
                out.append("| ").append(md(r.name())).append(" (").append(r.country()).append(") | ")
                        .append(number(r.score())).append(" | ").append(signed(r.change())).append(" | ")
                        .append(r.level().label()).append(" |\n");
            }
        }
        out.append("\n## New and escalating signals\n\n");
        if (b.alerts().isEmpty()) {
            out.append("No new or escalating signals in this period.\n\n");
        }
        for (Briefing.BriefedSignal alert : b.alerts()) {
            Signal s = alert.signal().signal();
            out.append("### ").append(md(s.headline())).append(", ").append(number(s.score())).append("\n\n")
                    .append(s.day()).append(" · ").append(md(s.detection().indicator())).append(" · observed ")
                    .append(number(s.detection().observed())).append(" against ")
                    .append(number(s.detection().baseline())).append(" expected").append(md(status(alert)))
                    .append("\n\n");
            evidenceMarkdown(out, alert.evidence());
        }
        out.append(marking);
        return out.toString();
    }

    private static void evidenceMarkdown(StringBuilder out, List<Report> evidence) {
        for (Report r : evidence) {
            out.append("- [").append(r.classification().label()).append("] ").append(r.sourceKind().label())
                    .append(" · ").append(r.publishedAt().toString(), 0, 10).append(" · ")
                    .append(md(nullToEmpty(r.title())));
            String url = EvidenceLink.webLink(r);
            if (url != null) {
                out.append(" · <").append(url.replace(">", "%3E").replace(" ", "%20")).append('>');
            }
            String excerpt = excerpt(r);
            if (!excerpt.isEmpty()) {
                out.append("  \n  > ").append(md(excerpt));
            }
            out.append('\n');
        }
        if (!evidence.isEmpty()) {
            out.append('\n');
        }
    }

    static String status(Briefing.BriefedSignal alert) {
        return alert.signal().status() == null ? "" : " · triage: " + alert.signal().status().outcome().label();
    }

    /** The start of a report's body, cut at a word: what the meeting reads without opening the report. */
    static String excerpt(Report r) {
        String body = nullToEmpty(r.body()).replaceAll("\\s+", " ").strip();
        if (body.length() <= EXCERPT) {
            return body;
        }
        int cut = body.lastIndexOf(' ', EXCERPT);
        return body.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + " …";
    }

    /** HTML text and attribute encoding. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Markdown text: markup characters and raw HTML are escaped, line breaks become spaces. */
    private static String md(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>&])", "\\\\$1");
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String signed(Double change) {
        return change == null ? "new" : (change >= 0 ? "+" : "") + number(change);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
