package tickbus.normalize.redisjson;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data: {@code ../shared/data} beside the project (CI), else {@code /work/shared/data}. */
final class SampleData {

    private SampleData() {
    }

    static Path json(String file) {
        Path besideProject = Path.of("..", "shared", "data", "json", file);
        return Files.exists(besideProject) ? besideProject : Path.of("/work/shared/data/json", file);
    }
}
