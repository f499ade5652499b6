package tickbus.event;

/**
 * The connection state of a feed. Transitions are published as {@link FeedStatus}.
 *
 * <pre>
 * STOPPED → CONNECTING → RECOVERING → LIVE ⇄ STALE
 *              ↑   │          │          │
 *              │   ▼          ▼          ▼
 *          BACKING_OFF ← ─ ─ ─ ─ ─ ─ (disconnect)     CIRCUIT_OPEN when the breaker opens
 * any → STOPPING → STOPPED;  LIVE → END_OF_SESSION (the venue ended the session; no reconnect)
 * </pre>
 */
public enum FeedState {
    /** Not running. */
    STOPPED,
    /** Opening the connection and logging in. */
    CONNECTING,
    /** Connected; restoring subscriptions or healing a gap before declaring LIVE. */
    RECOVERING,
    /** Connected, subscribed and receiving. */
    LIVE,
    /** Connected and heartbeating, but no data within the silence threshold. */
    STALE,
    /** Disconnected; waiting for the next attempt. */
    BACKING_OFF,
    /** Too many consecutive failures; attempts suspended until the breaker half-opens. */
    CIRCUIT_OPEN,
    /** The venue ended the session; nothing more will come until restarted. */
    END_OF_SESSION,
    /** Stopping gracefully. */
    STOPPING
}
