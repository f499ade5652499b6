package tickbus.feed.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Builds the requests of the long-poll protocol ({@link FixmlLongPoll}) against one server. */
final class PollTarget {

    private static final String REQUEST_LINE_OVERHEAD = "GET  HTTP/1.1";

    private final HttpFeedSettings settings;

    PollTarget(HttpFeedSettings settings) {
        this.settings = settings;
    }

    /** {@code instruments} is the encoded parameter value, or null to ask for every instrument. */
    String updatesUri(long cursor, String instruments, long waitMillis) {
        StringBuilder uri = new StringBuilder(settings.endpoint().basePath()).append(FixmlLongPoll.PATH_UPDATES)
                .append('?').append(FixmlLongPoll.PARAM_CURSOR).append('=').append(cursor);
        if (instruments != null) {
            uri.append('&').append(FixmlLongPoll.PARAM_INSTRUMENTS).append('=').append(instruments);
        }
        return uri.append('&').append(FixmlLongPoll.PARAM_WAIT_MILLIS).append('=').append(waitMillis).toString();
    }

    /** {@code instruments} is the encoded parameter value, or null for a snapshot of every instrument. */
    String snapshotUri(String instruments) {
        String path = settings.endpoint().basePath() + FixmlLongPoll.PATH_SNAPSHOT;
        return instruments == null ? path : path + "?" + FixmlLongPoll.PARAM_INSTRUMENTS + "=" + instruments;
    }

    /** The request line of a poll carrying {@code instruments} at the largest cursor, in chars. */
    int requestLineChars(String instruments) {
        String longest = updatesUri(Long.MAX_VALUE, instruments, settings.timeouts().waitMillis());
        return longest.length() + REQUEST_LINE_OVERHEAD.length();
    }

    /** A request; its idle timeout covers the server's hold of {@code waitMillis} plus the idle allowance. */
    RequestOptions request(HttpMethod method, String uri, long waitMillis) {
        HttpFeedSettings.Endpoint endpoint = settings.endpoint();
        return new RequestOptions().setMethod(method).setHost(endpoint.host()).setPort(endpoint.port())
                .setSsl(endpoint.ssl()).setURI(uri)
                .setIdleTimeout(waitMillis + settings.timeouts().idleTimeoutMillis());
    }
}
