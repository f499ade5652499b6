package tickbus.feed;

import io.vertx.core.Closeable;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed's parser workers. They are deployed from a fresh context, not as children of the feed: Vert.x undeploys
 * children before it stops the parent, and the feed must close its connection and hand over its last frames
 * before its workers go.
 */
final class ParserWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ParserWorkers.class);

    private final Vertx vertx;
    private final List<ParserWorker> workers = new ArrayList<>();
    private final List<String> deploymentIds = new ArrayList<>();
    /** Vert.x runs close hooks before it undeploys everything, the workers included, at once. */
    private final Closeable vertxClosing = completion -> {
        leaveToVertx();
        completion.succeed();
    };
    private volatile boolean leftToVertx;

    ParserWorkers(Vertx vertx) {
        this.vertx = vertx;
    }

    private void leaveToVertx() {
        leftToVertx = true;
    }

    /** Completes on the caller's context, so the feed carries on on its own event loop, not the fresh one's. */
    Future<Void> deploy(int count, String poolName, IntFunction<ParserWorker> factory) {
        Context caller = vertx.getOrCreateContext();
        Promise<Void> deployed = Promise.promise();
        ((VertxInternal) vertx).addCloseHook(vertxClosing);
        ((VertxInternal) vertx).createEventLoopContext().runOnContext(v -> {
            List<Future<String>> deployments = new ArrayList<>();
            for (int shard = 0; shard < count; shard++) {
                ParserWorker worker = factory.apply(shard);
                workers.add(worker);
                deployments.add(vertx.deployVerticle(worker, new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName(poolName)
                        .setWorkerPoolSize(count)));
            }
            Future.all(deployments).onSuccess(all -> deploymentIds.addAll(all.list()))
                    .<Void>mapEmpty().onComplete(result -> caller.runOnContext(x -> deployed.handle(result)));
        });
        return deployed.future();
    }

    List<ParserWorker> list() {
        return workers;
    }

    /**
     * Undeploys the workers; never fails, so that the feed always finishes stopping. When Vert.x is closing it
     * undeploys the workers itself, together with the feed, and undeploying them here too would race it.
     */
    Future<Void> undeploy() {
        ((VertxInternal) vertx).removeCloseHook(vertxClosing);
        if (leftToVertx) {
            return Future.succeededFuture();
        }
        List<Future<Void>> undeployments = new ArrayList<>();
        for (String id : deploymentIds) {
            if (vertx.deploymentIDs().contains(id)) {
                undeployments.add(vertx.undeploy(id).recover(e -> {
                    if (e instanceof IllegalStateException) {
                        LOG.debug("parser worker already being undeployed: deployment={}", id);
                    } else {
                        LOG.warn("parser worker failed to undeploy: deployment={}, error={}", id, e.toString());
                    }
                    return Future.succeededFuture();
                }));
            }
        }
        return Future.join(undeployments).mapEmpty();
    }
}
