package tickbus;

import java.util.List;
import tickbus.config.Descriptor;

/** Applies {@code --http-port} to the descriptor's monitor verticles. */
final class HttpPortOverride {

    static final String MONITOR_ALIAS = "monitor";

    private HttpPortOverride() {
    }

    static Descriptor apply(Descriptor descriptor, int port) {
        if (port < 0 || port > 65535) {
            throw new tickbus.config.ConfigException("--http-port", "value=" + port + "; expected 0 to 65535");
        }
        List<Descriptor.Entry> entries = descriptor.verticles().stream()
                .map(entry -> MONITOR_ALIAS.equals(entry.verticle())
                        ? new Descriptor.Entry(entry.name(), entry.verticle(), entry.instances(), entry.worker(),
                                entry.config().copy().put("port", port))
                        : entry)
                .toList();
        return new Descriptor(entries);
    }
}
