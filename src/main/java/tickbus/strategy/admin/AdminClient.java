package tickbus.strategy.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import picocli.CommandLine;

/** The CLI's side of {@link AdminVerticle}: one HTTP request per command. */
final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AdminClient(URI base) {
        this.base = base;
    }

    /** The client for an {@code --admin} option; a URL it cannot use is a command-line error. */
    static AdminClient forOption(String baseUrl, CommandLine commandLine) {
        try {
            URI uri = new URI(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getPort() <= 65_535) {
                return new AdminClient(uri);
            }
        } catch (URISyntaxException e) {
            // reported below with the value
        }
        throw new CommandLine.ParameterException(commandLine, "--admin: value=\"" + baseUrl
                + "\"; expected a URL such as http://127.0.0.1:8091");
    }

    /** POST /deployments; the response status and JSON body. */
    Response deploy(JsonObject entry) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("deployments")).timeout(TIMEOUT)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(entry.encode()))
                .build());
    }

    /** DELETE /deployments/NAME. */
    Response undeploy(String name) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("deployments/" + name)).timeout(TIMEOUT).DELETE().build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Response(0, new JsonObject().put("error", "no tickbus node answers at admin=" + base
                    + " (is the node running, with the admin verticle? --admin gives another endpoint): " + e));
        }
        return new Response(response.statusCode(), body(response));
    }

    private JsonObject body(HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(response.body());
        } catch (DecodeException e) {
            return new JsonObject().put("error", "HTTP " + response.statusCode() + " without a JSON body from admin="
                    + base + "; expected a tickbus admin endpoint there");
        }
    }

    /** A status and its JSON body. */
    record Response(int status, JsonObject body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String error() {
            return body.getString("error", "HTTP " + status);
        }
    }
}
