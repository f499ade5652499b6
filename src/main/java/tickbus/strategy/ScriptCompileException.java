package tickbus.strategy;

/** A strategy script that does not compile (or fails while loading), with where and why. */
public final class ScriptCompileException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    public ScriptCompileException(String file, int line, int column, String reason, Throwable cause) {
        super("script does not compile: file=" + file + ", line=" + line + ", column=" + column + ", message="
                + reason, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
