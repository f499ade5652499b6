package tickbus.feed;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import tickbus.config.ConfigException;

/** The protocols on the class path, by name. */
public final class FeedProtocols {

    private FeedProtocols() {
    }

    public static Map<String, FeedProtocolProvider> available() {
        Map<String, FeedProtocolProvider> providers = new TreeMap<>();
        for (FeedProtocolProvider provider : ServiceLoader.load(FeedProtocolProvider.class)) {
            providers.put(provider.name(), provider);
        }
        return providers;
    }

    /** Makes the protocol a feed names; {@code path} is the JSON path of the feed's config object. */
    public static FeedProtocol create(FeedSettings settings, String path) {
        Map<String, FeedProtocolProvider> providers = available();
        FeedProtocolProvider provider = providers.get(settings.protocol());
        if (provider == null) {
            throw new ConfigException(path + ".protocol", "value=\"" + settings.protocol()
                    + "\"; expected one of " + providers.keySet());
        }
        return provider.create(settings, path + ".settings");
    }
}
