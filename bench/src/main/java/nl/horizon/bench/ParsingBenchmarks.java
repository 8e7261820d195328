package nl.horizon.bench;

import nl.horizon.formats.EventTable;
import nl.horizon.formats.ItemFormats;
import nl.horizon.formats.Rejection;
import nl.horizon.formats.SituationReportFormat;
import nl.horizon.formats.Split;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Parsing each format from its raw form to a report: the normaliser's and the connectors' hot path. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParsingBenchmarks {

    static final String CABLE = """
            POST: bamako
            REFERENCE: BAM-2012-017
            DATE: 2012-01-17
            CLASSIFICATION: departmental-confidential
            COUNTRY: MLI
            LANGUAGE: en
            SUBJECT: Attack on the garrison at Menaka

            MNLA fighters attacked the army garrison at Menaka before dawn; the army withdrew towards Gao after
            several hours of fighting. Local sources report dozens of civilians fleeing towards the border.
            """;
    static final String ACLED = "event_id_cnty,event_date,country,event_type,sub_event_type,location,notes,fatalities\n"
            + "MLI1,2012-01-17,Mali,Battles,Armed clash,Menaka,Clash at Menaka between MNLA and the army,12\n";

    private ItemFormats formats;
    private RawItem cableItem;
    private RawItem acledItem;

    @Setup
    public void setUp() {
        formats = ItemFormats.standard(Markings.standard());
        cableItem = RawItem.of("BAM-2012-017", SourceKind.POST, "bamako", "post-cable", Instant.EPOCH,
                Classification.PUBLIC, CABLE);
        Split.Item row = (Split.Item) EventTable.ACLED.split(ACLED).get(0);
        acledItem = RawItem.of(row.item().itemId(), SourceKind.EVENT_DATA, "acled", row.item().format(), Instant.EPOCH,
                Classification.PUBLIC, row.item().payload());
    }

    @Benchmark
    public Report postCable() throws Rejection {
        return formats.toReport(cableItem);
    }

    @Benchmark
    public Report acledRow() throws Rejection {
        return formats.toReport(acledItem);
    }

    @Benchmark
    public List<Split> acledTableSplit() {
        return EventTable.ACLED.split(ACLED);
    }

    @Benchmark
    public Object postCableValidation() throws Rejection {
        return SituationReportFormat.POST_CABLE.read(CABLE, formats.markings());
    }
}
