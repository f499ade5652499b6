package tickbus.normalize.fixml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds or creates the book of an instrument from its FIXML symbol and maturity, up to a bounded count. */
final class InstrumentBooks {

    private final FixmlNormalizerConfig config;
    private final Map<String, InstrumentBook> bySymbol = new HashMap<>();
    private final Map<String, Map<String, InstrumentBook>> bySymbolAndMaturity = new HashMap<>();
    private final List<InstrumentBook> all = new ArrayList<>();

    InstrumentBooks(FixmlNormalizerConfig config) {
        this.config = config;
    }

    /** The book, or null when the instrument is new and the instrument limit is reached. */
    InstrumentBook find(String symbol, String maturity) {
        if (maturity == null || !config.maturityInInstrumentId()) {
            InstrumentBook book = bySymbol.get(symbol);
            return book != null ? book : create(bySymbol, symbol, config.venue() + ":" + symbol);
        }
        Map<String, InstrumentBook> maturities = bySymbolAndMaturity.get(symbol);
        if (maturities == null) {
            if (all.size() >= config.maxInstruments()) {
                return null;
            }
            maturities = new HashMap<>();
            bySymbolAndMaturity.put(symbol, maturities);
        }
        InstrumentBook book = maturities.get(maturity);
        return book != null ? book : create(maturities, maturity, config.venue() + ":" + symbol + "-" + maturity);
    }

    private InstrumentBook create(Map<String, InstrumentBook> map, String key, String instrument) {
        if (all.size() >= config.maxInstruments()) {
            return null;
        }
        InstrumentBook book = new InstrumentBook(instrument, config.maxLevelsPerSide());
        map.put(key, book);
        all.add(book);
        return book;
    }

    /** Every book, in creation order. */
    List<InstrumentBook> all() {
        return all;
    }
}
