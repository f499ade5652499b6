package tickbus.protocol.soupbintcp;

/**
 * The life of a SoupBinTCP client session, which outlives its connections (it keeps the session id and the next
 * expected sequence number across reconnects).
 *
 * <pre>
 * DISCONNECTED   ── connected() ────────▶ LOGGING_IN
 * LOGIN_REJECTED ── connected() ────────▶ LOGGING_IN
 * LOGGING_IN     ── Login Accepted ─────▶ LOGGED_IN
 * LOGGING_IN     ── Login Rejected ─────▶ LOGIN_REJECTED
 * LOGGED_IN      ── End of Session ─────▶ END_OF_SESSION (terminal)
 * LOGGED_IN      ── logout() ───────────▶ LOGGING_OUT
 * LOGGING_IN, LOGGED_IN, LOGGING_OUT ── disconnected(reason) ──▶ DISCONNECTED
 * </pre>
 */
public enum SoupBinTcpClientState {
    /** No connection; the next step is {@link SoupBinTcpClientSession#connected()}. */
    DISCONNECTED,
    /** Connected, Login Request sent, waiting for Login Accepted or Rejected. */
    LOGGING_IN,
    /** Logged in: Sequenced Data flows. */
    LOGGED_IN,
    /** The server refused the login; the reason was given with the transition. Retry after a back-off. */
    LOGIN_REJECTED,
    /** Logout Request sent; waiting for the server to close the connection. */
    LOGGING_OUT,
    /** The server ended the session: nothing more will come, do not reconnect. Terminal. */
    END_OF_SESSION
}
