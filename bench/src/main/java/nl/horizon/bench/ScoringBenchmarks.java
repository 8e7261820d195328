package nl.horizon.bench;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.scoring.IndicatorExtractor;
import nl.horizon.streams.scoring.NegativeBinomial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Country resolution, indicator extraction and the surprise statistic: the scoring hot paths. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmarks {

    /** The repository's config folder, as shipped. */
    @Param("config")
    public String configDir;

    private ScoringModel model;
    private IndicatorExtractor extractor;
    private Report prose;

    @Setup
    public void setUp() {
        model = ScoringModel.load(Path.of(configDir));
        extractor = new IndicatorExtractor(model.taxonomy());
        prose = new Report("post:bamako:1", SourceKind.POST, "bamako", List.of("MLI"), "en",
                Instant.parse("2012-01-17T00:00:00Z"), "Attack on the garrison at Menaka",
                ParsingBenchmarks.CABLE.substring(ParsingBenchmarks.CABLE.indexOf("MNLA")), Classification.PUBLIC, null,
                List.of(), null, null);
    }

    @Benchmark
    public List<String> countryResolution() {
        return model.places().resolve(prose.title(), prose.body());
    }

    @Benchmark
    public List<Observation> indicatorExtraction() {
        return extractor.extract(prose);
    }

    @Benchmark
    public double surpriseOnset() {
        return NegativeBinomial.surprise(144, 1.9, 1.5);
    }

    @Benchmark
    public double surpriseChronicWar() {
        return NegativeBinomial.surprise(1536, 300, 1.5);
    }
}
