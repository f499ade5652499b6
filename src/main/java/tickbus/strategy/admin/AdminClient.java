package tickbus.strategy.admin;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's side of {@link AdminVerticle}: one HTTP request per command. */
final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    AdminClient(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
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
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject body = response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
        return new Response(response.statusCode(), body);
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
