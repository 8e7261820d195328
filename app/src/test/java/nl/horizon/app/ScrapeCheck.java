package nl.horizon.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code promtool check metrics} would hold against Horizon's own metrics in a scrape, checked in
 * Java so that every build checks it: each {@code horizon_*} family has {@code # HELP} with a text and
 * {@code # TYPE}, and no label value of one is a regex (a route is a template such as
 * {@code /api/signals/{id}}, never {@code ([^/]{1,200})}).
 */
final class ScrapeCheck {

    private static final Pattern SAMPLE = Pattern.compile("^(horizon_[a-z0-9_]*?)(_bucket|_count|_sum|_total|_max|_created)?(\\{(.*)})? .*$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern REGEX = Pattern.compile("[()\\[\\]\\\\^$*?|]");

    private ScrapeCheck() {
    }

    /** Every problem found, one line each; empty when there is none. */
    static List<String> problems(String scrape) {
        Set<String> help = new HashSet<>();
        Set<String> type = new HashSet<>();
        Set<String> families = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP horizon_")) {
                String[] parts = line.split(" ", 4);
                help.add(parts[2]);
                if (parts.length < 4 || parts[3].isBlank()) {
                    problems.add(parts[2] + ": HELP has no text");
                }
            } else if (line.startsWith("# TYPE horizon_")) {
                type.add(line.split(" ")[2]);
            } else if (line.startsWith("horizon_")) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches()) {
                    problems.add("unreadable sample: " + line);
                    continue;
                }
                families.add(sample.group(1));
                if (sample.group(4) != null) {
                    Matcher label = LABEL.matcher(sample.group(4));
                    while (label.find()) {
                        if (!label.group(1).equals("le") && REGEX.matcher(label.group(2)).find()) {
                            problems.add(line + ": label " + label.group(1) + " looks like a regex");
                        }
                    }
                }
            }
        }
        for (String family : families) {
            boolean described = help.stream().anyMatch(h -> h.equals(family) || h.startsWith(family + "_"));
            boolean typed = type.stream().anyMatch(t -> t.equals(family) || t.startsWith(family + "_"));
            if (!described) {
                problems.add(family + ": no # HELP");
            }
            if (!typed) {
                problems.add(family + ": no # TYPE");
            }
        }
        return problems;
    }
}
