package tickbus.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tickbus.normalize.fixml.CmeSettlementFile;
import tickbus.normalize.fixml.FixmlNormalizer;
import tickbus.normalize.fixml.FixmlNormalizerConfig;
import tickbus.protocol.fixml.Fixml;
import tickbus.protocol.fixml.FixmlDecoder;
import tickbus.protocol.fixml.FixmlLimits;
import tickbus.protocol.fixml.FixmlListener;
import tickbus.protocol.fixml.FixmlWriter;
import tickbus.protocol.fixml.IncrementalEntry;
import tickbus.protocol.fixml.MktDataFull;
import tickbus.protocol.fixml.MktDataInc;
import tickbus.protocol.fixml.UpdateAction;

/**
 * FIXML decode (+ normalize) throughput on one thread. Inc: long-poll documents from {@link FixmlWriter} of
 * {@value #ENTRIES_PER_DOCUMENT} entries each (messages of {@value #ENTRIES_PER_MESSAGE}), 50 instruments,
 * ~90% book updates on a few levels around a moving price, ~10% trades, every entry with TxnTm and RptSeq.
 * Full: the real CME settlement file, 14,089 MktDataFull per operation. Scores are entries or snapshots per second.
 * The two plain-loop baselines run on the same inputs so results on a busy machine can be read as ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FixmlParseBenchmark {

    static final int ENTRIES_PER_DOCUMENT = 1_000;
    static final int ENTRIES_PER_MESSAGE = 10;
    private static final int DOCUMENTS = 32;
    private static final int INSTRUMENTS = 50;
    private static final int SCALE = 8;
    private static final long TICK = 25_000_000L;

    private static final XMLInputFactory JDK_STAX = XMLInputFactory.newDefaultFactory();
    private static final XMLInputFactory WOODSTOX = new WstxInputFactory();

    static {
        JDK_STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        WOODSTOX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    private final List<byte[]> incDocuments = new ArrayList<>();
    private byte[] cmeFile;
    private int next;
    private FixmlDecoder decoder;
    private FixmlNormalizer normalizer;
    private Blackhole blackhole;

    @Setup
    public void setUp(Blackhole hole) {
        blackhole = hole;
        decoder = new FixmlDecoder(FixmlLimits.DEFAULTS, SCALE);
        normalizer = new FixmlNormalizer(FixmlNormalizerConfig.defaults("bench"), instrument -> true, hole::consume);
        normalizer.receiveTimeNanos(1);
        SplittableRandom random = new SplittableRandom(42);
        long[] mids = new long[INSTRUMENTS];
        for (int i = 0; i < INSTRUMENTS; i++) {
            mids[i] = 4_000 * 100_000_000L + i * 100 * TICK;
        }
        FixmlWriter writer = new FixmlWriter(SCALE);
        long position = 0;
        for (int d = 0; d < DOCUMENTS; d++) {
            writer.startBatch(position, position + ENTRIES_PER_DOCUMENT);
            for (int m = 0; m < ENTRIES_PER_DOCUMENT / ENTRIES_PER_MESSAGE; m++) {
                List<IncrementalEntry> entries = new ArrayList<>(ENTRIES_PER_MESSAGE);
                for (int e = 0; e < ENTRIES_PER_MESSAGE; e++) {
                    entries.add(randomEntry(random, mids, position + 1 + entries.size()));
                }
                writer.mktDataInc(position + 1, entries);
                position += ENTRIES_PER_MESSAGE;
            }
            incDocuments.add(writer.finish());
        }
        cmeFile = CmeSettlementFile.read();
    }

    private static IncrementalEntry randomEntry(SplittableRandom random, long[] mids, long sequence) {
        int instrument = random.nextInt(INSTRUMENTS);
        String symbol = "SYM" + instrument;
        long time = 1_714_570_200_000_000_000L + sequence * 1_000;
        if (random.nextInt(10) == 0) {
            return IncrementalEntry.trade(symbol, mids[instrument], 1 + random.nextInt(20), "T" + sequence,
                    random.nextBoolean() ? Fixml.AGGRESSOR_BUY : Fixml.AGGRESSOR_SELL)
                    .withTransactTime(time).withReportSequence(sequence);
        }
        mids[instrument] += (random.nextInt(3) - 1) * TICK;
        boolean bid = random.nextBoolean();
        long price = mids[instrument] + (bid ? -1 : 1) * (1 + random.nextInt(5)) * TICK;
        int roll = random.nextInt(10);
        UpdateAction action = roll < 3 ? UpdateAction.NEW : roll < 8 ? UpdateAction.CHANGE : UpdateAction.DELETE;
        return IncrementalEntry.level(action, bid ? Fixml.ENTRY_TYPE_BID : Fixml.ENTRY_TYPE_OFFER, symbol, price,
                1 + random.nextInt(500)).withTransactTime(time).withReportSequence(sequence);
    }

    private byte[] nextDocument() {
        byte[] document = incDocuments.get(next);
        next = (next + 1) % DOCUMENTS;
        return document;
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES_PER_DOCUMENT)
    public Object incParseAndNormalize() {
        return decoder.decode(nextDocument(), normalizer);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES_PER_DOCUMENT)
    public Object incParseOnly() {
        return decoder.decode(nextDocument(), consumingListener());
    }

    @Benchmark
    @OperationsPerInvocation(CmeSettlementFile.SNAPSHOTS)
    public Object cmeMktDataFullParseAndNormalize() {
        return decoder.decode(cmeFile, normalizer);
    }

    @Benchmark
    @OperationsPerInvocation(CmeSettlementFile.SNAPSHOTS)
    public Object cmeMktDataFullParseOnly() {
        return decoder.decode(cmeFile, consumingListener());
    }

    /** Baseline: a plain JDK StAX loop that finds each MktDataFull and its settlement price, nothing more. */
    @Benchmark
    @OperationsPerInvocation(CmeSettlementFile.SNAPSHOTS)
    public long cmeMktDataFullPlainJdkStaxLoop() throws XMLStreamException {
        return plainLoop(JDK_STAX, cmeFile, "MktDataFull");
    }

    /** Baseline: a plain Woodstox loop (defaults) that reads every attribute of every Inc as a String. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES_PER_DOCUMENT)
    public long incPlainWoodstoxLoop() throws XMLStreamException {
        return plainLoop(WOODSTOX, nextDocument(), "Inc");
    }

    private static long plainLoop(XMLInputFactory factory, byte[] document, String element)
            throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
        long checksum = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (name.equals(element) || name.equals("Full")) {
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        checksum += reader.getAttributeValue(i).length();
                    }
                }
            }
        }
        reader.close();
        return checksum;
    }

    private FixmlListener consumingListener() {
        return new FixmlListener() {
            @Override
            public void mktDataInc(MktDataInc message) {
                for (int i = 0; i < message.entryCount(); i++) {
                    blackhole.consume(message.entry(i).price());
                }
            }

            @Override
            public void mktDataFull(MktDataFull message) {
                blackhole.consume(message.symbol());
            }
        };
    }
}
