package tickbus.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host name or literal address is the loopback interface, decided from the text alone: no DNS lookup, so
 * a name that merely resolves to 127.0.0.1 does not count (a browser can be pointed at such a name).
 */
public final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Loopback() {
    }

    /** {@code localhost}, {@code 127.0.0.0/8} or {@code ::1} (bracketed or not). */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String text = host.toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.equals("localhost") || text.equals("::1") || text.equals("0:0:0:0:0:0:0:1")
                || IPV4.matcher(text).matches();
    }
}
