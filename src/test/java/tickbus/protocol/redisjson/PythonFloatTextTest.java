package tickbus.protocol.redisjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Numbers are written exactly as Python's repr writes the float with the same shortest digits. */
class PythonFloatTextTest {

    private static final Pattern NUMBER = Pattern.compile(":(-?[0-9][-0-9.eE+]*)");

    @ParameterizedTest
    @CsvSource({"98500000000, 8, 985.0", "79100000, 8, 0.791", "1305, 8, 1.305e-05", "1, 4, 0.0001",
        "1, 5, 1e-05", "10000000000000000, 0, 1e+16", "1000000000000000, 0, 1000000000000000.0",
        "15, -15, 1.5e+16", "-5, 1, -0.5", "0, 8, 0.0", "123, 300, 1.23e-298", "1618677817129516100, 9, 1618677817.1295161"})
    void knownReprs(long mantissa, int scale, String python) {
        assertEquals(python, PythonFloatText.format(mantissa, scale));
    }

    @Test
    void everyNumberInTheCryptofeedSamplesIsWrittenBackAsPythonWroteIt() throws IOException {
        int checked = 0;
        for (String file : new String[] {"cryptofeed_trades_COINBASE.jsonl", "cryptofeed_tickers_COINBASE.jsonl"}) {
            for (String line : Files.readAllLines(sample(file))) {
                Matcher numbers = NUMBER.matcher(line);
                while (numbers.find()) {
                    BigDecimal value = new BigDecimal(numbers.group(1));
                    assertEquals(numbers.group(1), PythonFloatText.format(value.unscaledValue().longValueExact(),
                            value.scale()), line);
                    checked++;
                }
            }
        }
        assertTrue(checked > 800, "numbers checked: " + checked);
    }

    private static Path sample(String file) {
        Path besideProject = Path.of("..", "shared", "data", "json", file);
        return Files.exists(besideProject) ? besideProject : Path.of("/work/shared/data/json", file);
    }
}
