package tickbus.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration error; the message names the JSON path, the value found and what was expected. Several errors
 * (one per bad descriptor entry) travel as one exception whose message has one line per error.
 */
public class ConfigException extends RuntimeException {

    private final String path;

    public ConfigException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    private ConfigException(List<ConfigException> errors) {
        super(errors.stream().map(ConfigException::getMessage).collect(Collectors.joining("\n")));
        this.path = errors.get(0).path;
    }

    /** Throws the one error, or all of them together; returns when there are none. */
    static void throwIfAny(List<ConfigException> errors) {
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (errors.size() > 1) {
            throw new ConfigException(errors);
        }
    }

    /** The JSON path of the (first) error. */
    public String path() {
        return path;
    }
}
