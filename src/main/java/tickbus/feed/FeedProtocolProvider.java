package tickbus.feed;

/**
 * Makes a protocol from a feed's settings; found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/tickbus.feed.FeedProtocolProvider}).
 */
public interface FeedProtocolProvider {

    /** The value of a feed's {@code protocol} key, e.g. {@code soupbintcp}. */
    String name();

    /**
     * Validate {@code settings.protocolSettings()} and make the protocol; throw
     * {@link tickbus.config.ConfigException} naming the JSON path on a bad key.
     */
    FeedProtocol create(FeedSettings settings, String settingsPath);
}
