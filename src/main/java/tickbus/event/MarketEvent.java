package tickbus.event;

/** An event about one instrument, published at {@code md.<kind>.<instrument>}. */
public sealed interface MarketEvent extends TickbusEvent permits Quote, Trade, BookUpdate, InstrumentStatus {

    /** {@code VENUE:SYMBOL}, e.g. {@code XNAS:AAPL}. */
    String instrument();

    EventKind kind();
}
