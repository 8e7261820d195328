package nl.horizon.bench;

import nl.horizon.index.HorizonIndex;
import nl.horizon.index.HorizonSearch;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.SearchResult;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Faceted search on Horizon's index alone, without the pipeline, the broker or HTTP in the same process:
 * the searches of the load run ({@code horizon bench}: a word, often a country and a date range, every answer
 * with its facet counts) over an index of {@code reports} reports like the load run's. The end-to-end run
 * times the same searches over the API, but on a machine shared with the whole pipeline; this one isolates
 * what the index costs, and times each search ({@link Mode#SampleTime}, so JMH prints p50 and p99). On a machine
 * shared with other work the wall time swings with it; each iteration also prints the CPU time the searching
 * thread spent per search, which that disturbs far less.
 *
 * <p>Building a million reports takes minutes, so {@code dir} may name a folder to keep the index in between
 * runs (it is built there once per size and reused); empty: a temporary folder, deleted after the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SearchBenchmarks {

    private static final String[] PLACES = {"Bamako", "Gao", "Kidal", "Niamey", "Ouagadougou", "Khartoum", "Juba",
            "Goma", "Bangui", "Mogadishu", "Sanaa", "Aleppo", "Kabul", "Beirut", "Kharkiv", "Port-au-Prince"};
    private static final String[] PLACE_COUNTRIES = {"MLI", "MLI", "MLI", "NER", "BFA", "SDN", "SSD", "COD", "CAF",
            "SOM", "YEM", "SYR", "AFG", "LBN", "UKR", "HTI"};
    private static final String[] EVENTS = {"Clashes between the army and armed groups were reported near %s.",
            "Thousands of displaced people arrived in %s; aid agencies report shortages of food and water.",
            "Protesters gathered in %s against rising food prices; police dispersed the crowd.",
            "An explosion at a market in %s killed several people, according to local sources.",
            "Militia fighters took control of the road to %s; the army withdrew."};
    private static final String[] WORDS = {"clashes", "displaced", "protesters", "explosion", "militia", "food", "army"};
    private static final String[] COUNTRIES = {"MLI", "SDN", "COD", "SOM", "HTI", "UKR"};
    private static final Visibility PUBLIC = Visibility.of(Classification.PUBLIC);
    private static final int BATCH = 50_000;
    private static final SearchRequest BROAD = new SearchRequest("army", PUBLIC, Set.of("report"), Set.of(), Set.of(),
            Set.of(), Set.of(), null, null, false, 0, 20);

    @Param("220000")
    public int reports;

    @Param("")
    public String dir;

    private Path folder;
    private boolean temporary;
    private HorizonIndex index;
    private HorizonSearch search;
    private List<SearchRequest> mix;
    private int next;
    private long cpuAtStart;
    private long searches;

    @Setup(Level.Trial)
    public void open() throws IOException {
        temporary = dir.isBlank();
        folder = temporary ? Files.createTempDirectory("horizon-bench-search")
                : Path.of(dir).resolve("reports-" + reports);
        boolean built = Files.exists(folder.resolve("complete"));
        index = HorizonIndex.open(folder);
        if (!built) {
            for (int i = 0; i < reports; i++) {
                index.upsert(report(i));
                if ((i + 1) % BATCH == 0) {
                    index.commit(Map.of());
                }
            }
            index.commit(Map.of());
            Files.writeString(folder.resolve("complete"), Integer.toString(reports));
        }
        index.refresh();
        search = index.search();
        mix = mix();
    }

    @Setup(Level.Iteration)
    public void startCpu() {
        cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        searches = 0;
    }

    /** Runs on the thread that searched, as the iteration's setup did. */
    @TearDown(Level.Iteration)
    public void printCpu() {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart;
        System.out.printf("%n  CPU of the searching thread: %.2f ms per search (%d searches)%n",
                cpu / 1e6 / Math.max(1, searches), searches);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
        if (temporary) {
            org.apache.kafka.common.utils.Utils.delete(folder.toFile());
        }
    }

    /** One search of the mix, in turn: what the load run sends, as a request. */
    @Benchmark
    public SearchResult facetedSearch() throws Exception {
        SearchRequest request = mix.get(next);
        next = (next + 1) % mix.size();
        searches++;
        return search.find(request);
    }

    /**
     * The heaviest search of the mix, alone: a common word with no filter, which matches two reports in five
     * (400,000 of a million); every match is scored and counted, so this is what bounds the mix's p99.
     */
    @Benchmark
    public SearchResult broadSearch() throws Exception {
        searches++;
        return search.find(BROAD);
    }

    /** The load run's searches (its {@code facetedSearches}), 210 of them before the mix repeats. */
    private static List<SearchRequest> mix() {
        List<SearchRequest> mix = new ArrayList<>();
        for (int i = 0; i < 210; i++) {
            Set<String> countries = i % 3 == 0 ? Set.of() : Set.of(COUNTRIES[i % COUNTRIES.length]);
            Instant from = i % 2 == 0 ? null : LocalDate.of(2025, 1 + i % 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = i % 2 == 0 ? null : LocalDate.of(2025, 9, 30).atStartOfDay(ZoneOffset.UTC).toInstant();
            mix.add(new SearchRequest(WORDS[i % WORDS.length], PUBLIC, Set.of("report"), countries, Set.of(),
                    Set.of(), Set.of(), from, to, i % 5 == 0, 0, 20));
        }
        return mix;
    }

    /** A report as the pipeline makes of the load run's i-th post item: its place's country, its day. */
    private static Report report(int i) {
        int place = i % PLACES.length;
        String event = EVENTS[(i / PLACES.length) % EVENTS.length].formatted(PLACES[place]);
        Instant day = LocalDate.of(2025, 1, 1).plusDays(i % 300).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Report("post:loadpost:LOAD-" + i, SourceKind.POST, "loadpost", List.of(PLACE_COUNTRIES[place]),
                "en", day, "Situation report " + i + ": " + PLACES[place], event + " " + event,
                Classification.PUBLIC, null, List.of(), day, null, null, null);
    }
}
