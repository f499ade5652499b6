package tickbus.monitor;

import io.vertx.ext.bridge.PermittedOptions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tickbus.Addresses;
import tickbus.config.ConfigException;

/**
 * The addresses a browser may use, as anchored regexes ({@code ^...$}). Refuses at start-up an empty list, an
 * unanchored or invalid regex, and any regex that would expose the node's own control traffic.
 */
public record BridgePermits(List<Pattern> patterns) {

    /** Addresses no permit may match: demand bookkeeping and Vert.x internals. */
    private static final List<String> FORBIDDEN_ADDRESSES = List.of(Addresses.DEMAND, Addresses.DEMAND_CHANGES,
            "__vertx.reply.1", "__vertx.ha", "");

    public static BridgePermits of(List<String> regexes, String path) {
        if (regexes.isEmpty()) {
            throw new ConfigException(path, "empty; expected at least one anchored regex such as \"^md\\\\..+$\"");
        }
        List<Pattern> patterns = new java.util.ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            patterns.add(compile(regexes.get(i), path + "[" + i + "]"));
        }
        return new BridgePermits(List.copyOf(patterns));
    }

    private static Pattern compile(String regex, String path) {
        boolean escapedEnd = regex.endsWith("\\$") && !regex.endsWith("\\\\$");
        if (regex.length() < 3 || !regex.startsWith("^") || !regex.endsWith("$") || escapedEnd) {
            throw new ConfigException(path, "value=\"" + regex + "\"; expected an anchored regex: ^...$");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(path, "value=\"" + regex + "\"; invalid regex: " + e.getDescription());
        }
        for (String forbidden : FORBIDDEN_ADDRESSES) {
            if (pattern.matcher(forbidden).matches()) {
                throw new ConfigException(path, "value=\"" + regex + "\"; matches the internal address \""
                        + forbidden + "\"; expected a narrower regex");
            }
        }
        return pattern;
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
