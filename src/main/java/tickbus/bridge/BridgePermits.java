package tickbus.bridge;

import io.vertx.ext.bridge.PermittedOptions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tickbus.Addresses;
import tickbus.config.ConfigException;

/**
 * The addresses a bridge client may use, as anchored regexes ({@code ^...$}). Refuses at start-up an empty list, an
 * unanchored or invalid regex, and any regex that would expose the node's own control traffic. Each regex is tried
 * against sample addresses of every forbidden kind, so a broad one ({@code ^tickbus\..+$}, {@code ^.*$}) is caught,
 * not only a literal name.
 */
public record BridgePermits(List<Pattern> patterns) {

    private static final String SAMPLE_UUID = "0b5e8c1e-6a3f-4f8e-9d2a-5c7b1e4f3a90";

    /** Addresses no permit may match in either direction: demand bookkeeping, internal services, replies. */
    private static final List<String> INTERNAL_ADDRESSES = List.of(Addresses.DEMAND, Addresses.DEMAND_CHANGES,
            Addresses.SNAPSHOT_REQUESTS, Addresses.snapshotReply(java.util.UUID.fromString(SAMPLE_UUID)),
            Addresses.VERTX_REPLY_PREFIX + "1", Addresses.VERTX_REPLY_PREFIX + SAMPLE_UUID, "__vertx.ha", "");

    /**
     * Point-to-point request addresses a client may send to but never register on: a registration there makes the
     * client one more consumer of the service, handed other clients' requests in turn and free to answer them.
     */
    private static final List<String> REQUEST_ADDRESSES = List.of(Addresses.MONITOR_PEEK);

    /** What a client may register on (server → client). */
    public static BridgePermits outbound(List<String> regexes, String path) {
        return of(regexes, path, true);
    }

    /** What a client may send to (client → server). */
    public static BridgePermits inbound(List<String> regexes, String path) {
        return of(regexes, path, false);
    }

    private static BridgePermits of(List<String> regexes, String path, boolean outbound) {
        if (regexes.isEmpty()) {
            throw new ConfigException(path, "empty; expected at least one anchored regex such as \"^md\\\\..+$\"");
        }
        List<Pattern> patterns = new java.util.ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            Pattern pattern = compile(regexes.get(i), path + "[" + i + "]");
            refuseMatches(pattern, INTERNAL_ADDRESSES, "the internal address", path + "[" + i + "]");
            if (outbound) {
                refuseMatches(pattern, REQUEST_ADDRESSES, "the request address", path + "[" + i + "]");
            }
            patterns.add(pattern);
        }
        return new BridgePermits(List.copyOf(patterns));
    }

    private static Pattern compile(String regex, String path) {
        boolean escapedEnd = regex.endsWith("\\$") && !regex.endsWith("\\\\$");
        if (regex.length() < 3 || !regex.startsWith("^") || !regex.endsWith("$") || escapedEnd) {
            throw new ConfigException(path, "value=\"" + regex + "\"; expected an anchored regex: ^...$");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(path, "value=\"" + regex + "\"; invalid regex: " + e.getDescription());
        }
    }

    private static void refuseMatches(Pattern pattern, List<String> addresses, String kind, String path) {
        for (String address : addresses) {
            if (pattern.matcher(address).matches()) {
                throw new ConfigException(path, "value=\"" + pattern.pattern() + "\"; matches " + kind + " \""
                        + address + "\"; expected a narrower regex");
            }
        }
    }

    public boolean permits(String address) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(address).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The same rules for the Vert.x bridge, which enforces them again. */
    public List<PermittedOptions> toPermittedOptions() {
        return patterns.stream().map(p -> new PermittedOptions().setAddressRegex(p.pattern())).toList();
    }

    public List<String> regexes() {
        return patterns.stream().map(Pattern::pattern).toList();
    }
}
