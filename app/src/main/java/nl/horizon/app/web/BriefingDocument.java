package nl.horizon.app.web;

import nl.horizon.schema.Report;

import java.util.List;
import java.util.Locale;

/**
 * A {@link Situation.Briefing} written out for the meeting: printable HTML (one self-contained page with
 * print styles, ready for the browser's "save as PDF") and Markdown (for mail and wikis). Every piece of
 * text from a report is encoded for the format it lands in, so a hostile report title stays text. The
 * marking of the most sensitive content sits at the top and bottom of the page, as on paper.
 */
public final class BriefingDocument {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#111}
            .marking{text-align:center;font-weight:bold;letter-spacing:.1em;text-transform:uppercase;\
            border:2px solid #900;color:#900;padding:.2em}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left}
            .evidence{margin:.3em 0 1em 1.5em;color:#333}.level-alert{color:#900}.level-warning{color:#b45f06}
            @media print{a{color:inherit;text-decoration:none}.marking{position:running(marking)}}
            """;

    private BriefingDocument() {
    }

    /** The briefing as a printable HTML page. */
    public static String html(Situation.Briefing b) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.append("<title>Horizon scan ").append(b.from()).append(" to ").append(b.to()).append("</title>");
        out.append("<style>").append(STYLE).append("</style></head><body>");
        String marking = "<div class=\"marking\">" + escape(b.marking().label()) + "</div>";
        out.append(marking);
        out.append("<h1>Horizon scan</h1><p>").append(b.from()).append(" to ").append(b.to()).append("</p>");
        out.append("<h2>Top risers</h2>");
        if (b.risers().isEmpty()) {
            out.append("<p>No country's score rose in this period.</p>");
        } else {
            out.append("<table><thead><tr><th>Country</th><th>Score</th><th>Change</th><th>Level</th></tr></thead>"
                    + "<tbody>");
            for (Situation.CountryLine r : b.risers()) {
                out.append("<tr><td>").append(escape(r.name())).append(" (").append(r.country()).append(")</td><td>")
                        .append(number(r.score())).append("</td><td>+").append(number(r.change()))
                        .append("</td><td class=\"level-").append(r.level().label()).append("\">")
                        .append(r.level().label()).append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("<h2>New and escalating alerts</h2>");
        if (b.alerts().isEmpty()) {
            out.append("<p>No new or escalating signals in this period.</p>");
        }
        for (Situation.BriefedSignal alert : b.alerts()) {
            var s = alert.signal().signal();
            out.append("<h3 class=\"level-").append(s.level().label()).append("\">").append(escape(alert.signal().name()))
                    .append(": ").append(s.lifecycle().label()).append(' ').append(s.level().label()).append(", ")
                    .append(number(s.score())).append("</h3><p>").append(s.day()).append(" · ")
                    .append(escape(s.detection().indicator())).append(" · observed ")
                    .append(number(s.detection().observed())).append(" against ").append(number(s.detection().baseline()))
                    .append(" expected").append(status(alert.signal())).append("</p>");
            out.append("<ul class=\"evidence\">");
            for (Report r : alert.evidence()) {
                out.append("<li>[").append(escape(r.classification().label())).append("] ")
                        .append(escape(r.sourceKind().label())).append(" · ").append(escape(nullToEmpty(r.title())));
                link(r).ifPresent(url -> out.append(" · <a href=\"").append(escape(url)).append("\">source</a>"));
                out.append("</li>");
            }
            out.append("</ul>");
        }
        out.append(marking).append("</body></html>\n");
        return out.toString();
    }

    /** The briefing as Markdown. */
    public static String markdown(Situation.Briefing b) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(b.marking().label().toUpperCase(Locale.ROOT)).append("**\n\n");
        out.append("# Horizon scan ").append(b.from()).append(" to ").append(b.to()).append("\n\n## Top risers\n\n");
        if (b.risers().isEmpty()) {
            out.append("No country's score rose in this period.\n");
        } else {
            out.append("| Country | Score | Change | Level |\n|---|---|---|---|\n");
            for (Situation.CountryLine r : b.risers()) {
                out.append("| ").append(md(r.name())).append(" (").append(r.country()).append(") | ")
                        .append(number(r.score())).append(" | +").append(number(r.change())).append(" | ")
                        .append(r.level().label()).append(" |\n");
            }
        }
        out.append("\n## New and escalating alerts\n\n");
        if (b.alerts().isEmpty()) {
            out.append("No new or escalating signals in this period.\n");
        }
        for (Situation.BriefedSignal alert : b.alerts()) {
            var s = alert.signal().signal();
            out.append("### ").append(md(alert.signal().name())).append(": ").append(s.lifecycle().label()).append(' ')
                    .append(s.level().label()).append(", ").append(number(s.score())).append("\n\n")
                    .append(s.day()).append(" · ").append(md(s.detection().indicator())).append(" · observed ")
                    .append(number(s.detection().observed())).append(" against ")
                    .append(number(s.detection().baseline())).append(" expected").append(status(alert.signal()))
                    .append("\n\n");
            for (Report r : alert.evidence()) {
                out.append("- [").append(r.classification().label()).append("] ").append(r.sourceKind().label())
                        .append(" · ").append(md(nullToEmpty(r.title())));
                link(r).ifPresent(url -> out.append(" · <").append(url.replace(">", "%3E")).append('>'));
                out.append('\n');
            }
            out.append('\n');
        }
        out.append("**").append(b.marking().label().toUpperCase(Locale.ROOT)).append("**\n");
        return out.toString();
    }

    private static String status(Situation.SignalLine line) {
        return line.status() == null ? "" : " · triage: " + line.status().outcome().label();
    }

    /** A report's first link, if it is a web address (never a {@code javascript:} or other scheme). */
    private static java.util.Optional<String> link(Report r) {
        List<String> links = r.links() == null ? List.of() : r.links();
        return links.stream().filter(l -> l.startsWith("https://") || l.startsWith("http://")).findFirst();
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

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
