package tickbus.event;

/** What a trade event reports. */
public enum TradeType {
    /** An ordinary execution or printed trade. */
    REGULAR,
    /** A cross (opening, closing, halt or IPO auction). */
    CROSS,
    /** The venue broke (cancelled) the earlier trade with the same trade id: undo it. */
    BROKEN
}
