package tickbus.normalize.fixml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The real CME FIXML settlement file in shared data, found beside the project or at the workplace path. */
public final class CmeSettlementFile {

    public static final int SNAPSHOTS = 14_089;
    public static final int SYMBOLS = 31;

    private static final String RELATIVE = "shared/data/fixml/cme.settle.fwd.20200618.fixml.xml.gz";

    private CmeSettlementFile() {
    }

    /** The uncompressed document. */
    public static byte[] read() {
        Path beside = Path.of("..", RELATIVE);
        Path path = Files.exists(beside) ? beside : Path.of("/work", RELATIVE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CME FIXML sample: path=" + path.toAbsolutePath(), e);
        }
    }
}
