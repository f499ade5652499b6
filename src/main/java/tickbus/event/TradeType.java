package tickbus.event;

/** What a trade event reports. */
public enum TradeType {
    /** An ordinary execution or printed trade. */
    REGULAR,
    /** A cross (opening, closing, halt or IPO auction). */
    CROSS,
    /**
     * The venue broke (cancelled) the earlier trade with the same trade id: undo it. The event carries that trade's
     * price, size and aggressor when the feed still knows them (ITCH: the last 131,072 or so trades of a parser
     * shard); otherwise price and size are 0, and only the trade id names what to undo.
     */
    BROKEN
}
