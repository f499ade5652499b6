package tickbus.monitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GET with a deadline on the whole exchange. The JDK client's request timeout stops at the response headers, so a
 * body that never completes would hang a test until its fork is killed; here it fails the test after 15 s.
 */
final class BoundedGet {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long DEADLINE_SECONDS = 15;

    private BoundedGet() {
    }

    /** GET {@code url} with {@code headers} given as name, value, name, value... */
    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("GET " + url + " failed within " + DEADLINE_SECONDS + " s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("GET " + url + " interrupted", e);
        }
    }
}
