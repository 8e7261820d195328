package nl.horizon.streams;

import java.nio.file.Path;

/** The configuration shipped in the repository's {@code config/}, as the product runs with it. */
public final class RepoConfig {

    private RepoConfig() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("horizon.root", "..")).resolve("config");
    }

    public static ScoringModel model() {
        return ScoringModel.load(dir());
    }
}
