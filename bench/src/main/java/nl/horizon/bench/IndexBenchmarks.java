package nl.horizon.bench;

import nl.horizon.index.HorizonIndex;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writing a report to Horizon's index (four analysed text fields, facets, stored JSON) beside the raw
 * limit: a plain Lucene {@link IndexWriter} adding the same text with one analysed field.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IndexBenchmarks {

    private Path dir;
    private HorizonIndex horizon;
    private IndexWriter plain;
    private long n;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("horizon-bench-index");
        horizon = HorizonIndex.open(dir.resolve("horizon"));
        plain = new IndexWriter(FSDirectory.open(dir.resolve("plain")), new IndexWriterConfig(new StandardAnalyzer()));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        horizon.close();
        plain.close();
        org.apache.kafka.common.utils.Utils.delete(dir.toFile());
    }

    private Report next() {
        long i = n++;
        return new Report("post:bamako:" + i, SourceKind.POST, "bamako", List.of("MLI"), "en",
                Instant.parse("2012-01-17T00:00:00Z").plusSeconds(i), "Attack on the garrison at Menaka " + i,
                ParsingBenchmarks.CABLE, Classification.PUBLIC, null, List.of(), null, null);
    }

    @Benchmark
    public void horizonUpsert() throws IOException {
        horizon.upsert(next());
    }

    @Benchmark
    public void plainLuceneAdd() throws IOException {
        Report r = next();
        Document doc = new Document();
        doc.add(new StringField("id", r.id(), Field.Store.YES));
        doc.add(new TextField("text", r.title() + "\n" + r.body(), Field.Store.YES));
        plain.addDocument(doc);
    }
}
