package tickbus.config;

/** A configuration error; the message names the JSON path, the value found and what was expected. */
public class ConfigException extends RuntimeException {

    private final String path;

    public ConfigException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
