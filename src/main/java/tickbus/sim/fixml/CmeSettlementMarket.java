package tickbus.sim.fixml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import tickbus.protocol.fixml.FixmlDecoder;
import tickbus.protocol.fixml.FixmlLimits;
import tickbus.protocol.fixml.FixmlListener;
import tickbus.protocol.fixml.MktDataFull;
import tickbus.protocol.fixml.MktDataInc;

/**
 * A CME FIXML settlement file (one {@code MktDataFull} per contract) as the simulated market: its snapshots are
 * the log the server starts with, and what a snapshot request appends again. End-of-day data: nothing changes.
 */
final class CmeSettlementMarket implements SimMarket {

    private static final int MAX_FILE_BYTES = 256 * 1024 * 1024;

    private final List<LogEntry> snapshots;

    private CmeSettlementMarket(List<LogEntry> snapshots) {
        this.snapshots = List.copyOf(snapshots);
    }

    /** Reads the file ({@code .gz} or plain) with the hardened decoder at {@code priceScale}. */
    static CmeSettlementMarket load(Path file, int priceScale) {
        byte[] document;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            document = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CME file: path=" + file.toAbsolutePath(), e);
        }
        if (document.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("CME file exceeds max: path=" + file + ", max=" + MAX_FILE_BYTES);
        }
        FixmlLimits defaults = FixmlLimits.DEFAULTS;
        FixmlLimits limits = new FixmlLimits(MAX_FILE_BYTES, defaults.maxElementDepth(),
                defaults.maxAttributesPerElement(), defaults.maxAttributeChars(), defaults.maxTextChars(),
                defaults.maxEntityExpansions(), defaults.maxEntriesPerMessage());
        List<LogEntry> snapshots = new ArrayList<>();
        new FixmlDecoder(limits, priceScale).decode(document, new FixmlListener() {
            @Override
            public void mktDataInc(MktDataInc message) {
                throw new IllegalArgumentException("a settlement file holds snapshots only: file=" + file
                        + ", found=MktDataInc");
            }

            @Override
            public void mktDataFull(MktDataFull message) {
                snapshots.add(LogEntry.of(message.toSnapshot()));
            }
        });
        return new CmeSettlementMarket(snapshots);
    }

    List<LogEntry> all() {
        return snapshots;
    }

    @Override
    public List<LogEntry> snapshots(Set<String> filter) {
        return snapshots.stream().filter(entry -> entry.matches(filter)).toList();
    }
}
