package tickbus.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryFileIoTest {

    @TempDir
    Path directory;

    @Test
    void plainAndGzippedFilesReadBackTheSameMessages() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = directory.resolve("messages-" + gzip);
            try (BinaryFileOutput output = BinaryFileOutput.create(file, gzip)) {
                output.write(new byte[] {'S', 1, 2}, 0, 3);
                output.write(new byte[] {0, 'A', 9, 9}, 1, 3);
                assertEquals(10, output.bytes());
            }
            byte[] message = new byte[65_535];
            try (BinaryFileInput input = BinaryFileInput.open(file)) {
                assertEquals(3, input.next(message));
                assertArrayEquals(new byte[] {'S', 1, 2}, Arrays.copyOf(message, 3));
                assertEquals(3, input.next(message));
                assertArrayEquals(new byte[] {'A', 9, 9}, Arrays.copyOf(message, 3));
                assertEquals(-1, input.next(message));
                assertEquals(2, input.messages());
            }
        }
    }

    @Test
    void emptyFramesAreSkippedAndACutFrameIsNamed() throws IOException {
        Path file = directory.resolve("cut.bin");
        Files.write(file, new byte[] {0, 0, 0, 2, 'X', 'Y', 0, 5, 'Z'});
        byte[] message = new byte[65_535];
        try (BinaryFileInput input = BinaryFileInput.open(file)) {
            assertEquals(2, input.next(message));
            IOException error = assertThrows(IOException.class, () -> input.next(message));
            assertEquals("BinaryFILE frame cut short by the end of the file: file=" + file + ", frameOffset=6, needed=5",
                    error.getMessage());
        }
    }

    @Test
    void corruptGzipDataIsNamedWithWhereTheGoodDataEnded() throws IOException {
        Path good = directory.resolve("good.bin.gz");
        try (BinaryFileOutput output = BinaryFileOutput.create(good, true)) {
            for (int i = 0; i < 1_000; i++) {
                output.write(new byte[] {'S', (byte) i, (byte) (i >> 8)}, 0, 3);
            }
        }
        byte[] bytes = Files.readAllBytes(good);
        for (int i = 20; i < bytes.length - 8; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Path corrupt = directory.resolve("corrupt.bin.gz");
        Files.write(corrupt, bytes);
        byte[] message = new byte[65_535];
        try (BinaryFileInput input = BinaryFileInput.open(corrupt)) {
            IOException error = assertThrows(IOException.class, () -> {
                while (input.next(message) >= 0) {
                    continue;
                }
            });
            assertTrue(error.getMessage().startsWith("gzip data is corrupt: file=" + corrupt + ", uncompressedOffset="),
                    error.getMessage());
            assertTrue(error.getMessage().contains(", error="), error.getMessage());
        }
    }

    @Test
    void aMessageOfNoBytesCannotBeWritten() throws IOException {
        try (BinaryFileOutput output = BinaryFileOutput.create(directory.resolve("x.bin"), false)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> output.write(new byte[0], 0, 0));
            assertEquals("message length out of range: length=0, min=1, max=65535", error.getMessage());
        }
    }
}
