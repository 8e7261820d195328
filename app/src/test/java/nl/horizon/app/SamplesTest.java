package nl.horizon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The coup table is dropped into the coup folder once per data directory, from the first start it exists. */
class SamplesTest {

    @TempDir
    Path dir;

    @Test
    void theCoupTableIsDroppedOnceFromTheFirstStartAtWhichItExists() throws Exception {
        Path table = dir.resolve("shared/powell_thyne_coups_1950-2019.csv");
        Path data = dir.resolve("data");
        Path inbox = data.resolve("inbox/coups");
        Files.createDirectories(data);

        assertThat(Samples.coupsOnce(table, data, inbox)).as("absent: nothing dropped, nothing recorded").isFalse();
        assertThat(inbox).doesNotExist();

        Files.createDirectories(table.getParent());
        Files.writeString(table, "country,ccode,ccode_gw,ccode_polity,year,month,day,coup,version\n"
                + "Mali,432,432,432,2012,3,22,2,V2022.11.29\n");
        assertThat(Samples.coupsOnce(table, data, inbox)).isTrue();
        assertThat(inbox.resolve(table.getFileName())).hasSameTextualContentAs(table);
        try (var files = Files.list(inbox)) {
            assertThat(files).as("no half-written copy left behind").hasSize(1);
        }

        Files.delete(inbox.resolve(table.getFileName()));
        assertThat(Samples.coupsOnce(table, data, inbox)).as("once per data directory").isFalse();
        assertThat(inbox.resolve(table.getFileName())).doesNotExist();
    }
}
