package tickbus.event;

/** The aggressor (taker) side of a trade. */
public enum Side {
    BUY,
    SELL,
    UNKNOWN
}
