package tickbus.protocol.fixml;

/** MDUpdateAction (279): what an incremental entry does to the level or trade it names. */
public enum UpdateAction {
    NEW('0'),
    CHANGE('1'),
    DELETE('2');

    private final char code;

    UpdateAction(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The action for a code, or null when tickbus does not support it (3 delete-thru, 4 delete-from, 5 overlay). */
    public static UpdateAction fromCode(char code) {
        return switch (code) {
            case '0' -> NEW;
            case '1' -> CHANGE;
            case '2' -> DELETE;
            default -> null;
        };
    }
}
