package tickbus.strategy.admin;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tickbus.NodeLauncher;
import tickbus.config.ConfigException;
import tickbus.config.Descriptor;

/**
 * Deploy and undeploy at run time over HTTP on loopback, used by {@code tickbus deploy} / {@code tickbus undeploy}:
 * <ul>
 *   <li>Every request first passes {@link AdminRequestGuard}: 403 with an {@code Origin} header or a non-loopback
 *   {@code Host}, 415 for a POST body that is not {@code application/json}.</li>
 *   <li>{@code POST /deployments} with a descriptor entry ({@code name}, {@code verticle}, {@code instances},
 *   {@code worker}, {@code config}): 201 {@code {"name", "id"}}; 400 for an invalid entry, 409 for a name in use,
 *   422 when the deployment fails (for a script: file, line and message). The node keeps running.</li>
 *   <li>{@code DELETE /deployments/<name>}: 204, or 404.</li>
 *   <li>{@code GET /deployments}: {@code {"<name>": "<id>"}}.</li>
 * </ul>
 */
public final class AdminVerticle extends VerticleBase {

    private final Map<String, String> deployments = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Future<?> start() {
        AdminSettings settings = AdminSettings.fromJson(config(), "config");
        Router router = Router.router(vertx);
        router.route().handler(new AdminRequestGuard(this::port));
        router.post("/deployments").handler(BodyHandler.create().setBodyLimit(1_048_576)).handler(this::deploy);
        router.delete("/deployments/:name").handler(this::undeploy);
        router.get("/deployments").handler(context -> json(context, 200, new JsonObject(Map.copyOf(deployments))));
        // No h2c upgrade, as on the monitor: the JDK's default HttpClient asks for it and can stall after it.
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router);
        return server.listen(settings.port(), settings.host());
    }

    @Override
    public Future<?> stop() {
        return server.close();
    }

    /** The port listened on (the actual one when configured with port 0). */
    public int port() {
        return server.actualPort();
    }

    private void deploy(RoutingContext context) {
        Descriptor.Entry entry;
        try {
            JsonObject body = context.body().asJsonObject();
            entry = Descriptor.fromJson(new JsonObject().put("verticles", new JsonArray().add(body))).verticles().get(0);
        } catch (ConfigException | io.vertx.core.json.DecodeException | ClassCastException e) {
            json(context, 400, error(e.getMessage()));
            return;
        }
        if (deployments.putIfAbsent(entry.name(), "deploying") != null) {
            json(context, 409, error("a deployment with this name exists: name=" + entry.name()));
            return;
        }
        NodeLauncher.deployOne(vertx, entry).onComplete(deployment -> {
            if (deployment.succeeded()) {
                deployments.put(entry.name(), deployment.result());
                json(context, 201, new JsonObject().put("name", entry.name()).put("id", deployment.result()));
            } else {
                deployments.remove(entry.name());
                json(context, 422, error(deployment.cause().getMessage()));
            }
        });
    }

    private void undeploy(RoutingContext context) {
        String name = context.pathParam("name");
        String id = deployments.get(name);
        if (id == null || id.equals("deploying")) {
            json(context, 404, error("no deployment made through the admin endpoint has this name: name=" + name));
            return;
        }
        vertx.undeploy(id).onComplete(undeployed -> {
            deployments.remove(name, id);
            if (undeployed.succeeded()) {
                context.response().setStatusCode(204).end();
            } else {
                json(context, 500, error(undeployed.cause().getMessage()));
            }
        });
    }

    private static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }

    private static void json(RoutingContext context, int status, JsonObject body) {
        context.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
