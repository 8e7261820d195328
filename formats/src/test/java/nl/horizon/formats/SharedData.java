package nl.horizon.formats;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real third-party samples from {@code ../shared/data}; tests that need them are skipped when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    public static Path path(String relative) {
        Path root = Path.of(System.getProperty("horizon.root", "..")).resolve("../shared/data").normalize();
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "shared test data not present: " + file);
        return file;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }
}
