package tickbus.normalize.fixml;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds or creates the book of an instrument from its FIXML symbol and maturity, up to a bounded count. Books are
 * keyed by the instrument id their events carry, so two instruments never publish under one id: a symbol and
 * maturity whose id another symbol and maturity already has ({@code Sym="ES-Z4"} and {@code Sym="ES" MMY="Z4"}
 * are both {@code XCME:ES-Z4}) is refused, and counted.
 */
final class InstrumentBooks {

    private final FixmlNormalizerConfig config;
    private final Map<String, InstrumentBook> byId = new HashMap<>();
    /** Symbol, then maturity (null when none, or not part of ids): finds a book without building its id. */
    private final Map<String, Map<String, InstrumentBook>> bySymbolAndMaturity = new HashMap<>();
    private long droppedInstruments;
    private long idConflicts;
    private String lastIdConflict;

    InstrumentBooks(FixmlNormalizerConfig config) {
        this.config = config;
    }

    /**
     * The book, or null (counted) when the instrument is new and either the instrument limit is reached or its id
     * belongs to another symbol and maturity.
     */
    InstrumentBook find(String symbol, String maturity) {
        String key = config.maturityInInstrumentId() ? maturity : null;
        InstrumentBook book = existing(symbol, key);
        return book != null ? book : create(symbol, key);
    }

    /** The id of the instrument's book, existing or to be created; null when another instrument has that id. */
    String idOf(String symbol, String maturity) {
        String key = config.maturityInInstrumentId() ? maturity : null;
        InstrumentBook book = existing(symbol, key);
        if (book != null) {
            return book.instrument;
        }
        String instrument = config.instrumentId(symbol, key);
        return byId.containsKey(instrument) ? null : instrument;
    }

    /** The book whose events carry {@code instrument}, or null. */
    InstrumentBook withId(String instrument) {
        return byId.get(instrument);
    }

    /** Every book. */
    Collection<InstrumentBook> all() {
        return byId.values();
    }

    long droppedInstruments() {
        return droppedInstruments;
    }

    long idConflicts() {
        return idConflicts;
    }

    /** What the last refused instrument was and which one has its id; null when none was refused. */
    String lastIdConflict() {
        return lastIdConflict;
    }

    private InstrumentBook existing(String symbol, String maturity) {
        Map<String, InstrumentBook> maturities = bySymbolAndMaturity.get(symbol);
        return maturities == null ? null : maturities.get(maturity);
    }

    private InstrumentBook create(String symbol, String maturity) {
        if (byId.size() >= config.maxInstruments()) {
            droppedInstruments++;
            return null;
        }
        String instrument = config.instrumentId(symbol, maturity);
        InstrumentBook owner = byId.get(instrument);
        if (owner != null) {
            idConflicts++;
            lastIdConflict = "instrument id taken by another symbol and maturity: id=" + instrument + ", Sym=" + symbol
                    + ", MMY=" + absentIfNull(maturity) + ", takenBySym=" + owner.symbol + ", takenByMMY="
                    + absentIfNull(owner.maturity);
            return null;
        }
        InstrumentBook book = new InstrumentBook(instrument, symbol, maturity, config.maxLevelsPerSide());
        byId.put(instrument, book);
        bySymbolAndMaturity.computeIfAbsent(symbol, ignored -> new HashMap<>()).put(maturity, book);
        return book;
    }

    private static String absentIfNull(String value) {
        return value == null ? "absent" : value;
    }
}
