package tickbus.event;

/** Trading state and data health of one instrument. */
public enum InstrumentState {
    /** Venue: trading normally. */
    TRADING,
    /** Venue: halted. */
    HALTED,
    /** Venue: paused (e.g. limit up-limit down). */
    PAUSED,
    /** Venue: quoting only, no trading. */
    QUOTATION_ONLY,
    /** Venue: short-sale price test in effect. */
    SHORT_SALE_RESTRICTED,
    /** Data: the feed delivers this instrument normally. */
    LIVE,
    /** Data: connected but nothing arrived within the silence threshold, or the connection is down. */
    STALE,
    /** Data: sequence numbers {@code gapFrom..gapTo} are missing; recovery has started. */
    GAP,
    /** Data: a gap was healed. */
    RECOVERED,
    /** Data: the instrument's state is doubtful (e.g. a reference to an unknown order). */
    SUSPECT,
    /** Data: state was reset (e.g. a new upstream session); discard what you hold. */
    RESET,
    /** Data: the upstream subscription failed after all retries. */
    SUBSCRIPTION_FAILED,
    /** Data: the venue ended the session. */
    END_OF_SESSION
}
