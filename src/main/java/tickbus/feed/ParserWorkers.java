package tickbus.feed;

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

/**
 * A feed's parser workers. They are deployed from a fresh context, not as children of the feed: Vert.x undeploys
 * children before it stops the parent, and the feed must close its connection and hand over its last frames
 * before its workers go.
 */
final class ParserWorkers {

    private final Vertx vertx;
    private final List<ParserWorker> workers = new ArrayList<>();
    private final List<String> deploymentIds = new ArrayList<>();

    ParserWorkers(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Completes on the caller's context, so the feed carries on on its own event loop, not the fresh one's. */
    Future<Void> deploy(int count, String poolName, IntFunction<ParserWorker> factory) {
        Context caller = vertx.getOrCreateContext();
        Promise<Void> deployed = Promise.promise();
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

    Future<Void> undeploy() {
        List<Future<Void>> undeployments = new ArrayList<>();
        for (String id : deploymentIds) {
            if (vertx.deploymentIDs().contains(id)) {
                undeployments.add(vertx.undeploy(id));
            }
        }
        return Future.join(undeployments).mapEmpty();
    }
}
