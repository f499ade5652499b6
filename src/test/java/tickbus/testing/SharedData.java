package tickbus.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared real-data files: {@code ../shared/data} beside the project, else {@code /work/shared/data}. */
public final class SharedData {

    private static final Path BESIDE_PROJECT = Path.of("..", "shared", "data");
    private static final Path FALLBACK = Path.of("/work/shared/data");

    private SharedData() {
    }

    public static Path path(String relative) {
        Path beside = BESIDE_PROJECT.resolve(relative);
        if (Files.exists(beside)) {
            return beside;
        }
        Path fallback = FALLBACK.resolve(relative);
        if (Files.exists(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("shared data file not found: file=" + relative + ", tried="
                + beside.toAbsolutePath() + " and " + fallback);
    }
}
