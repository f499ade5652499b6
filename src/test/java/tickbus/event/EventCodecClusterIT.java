package tickbus.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every event type crosses a real clustered event bus, so the binary codecs run on both sides of the wire. */
class EventCodecClusterIT {

    private static final String ADDRESS = "codec.cluster.test";
    private static final long TIMEOUT_SECONDS = 60;

    private final List<Vertx> nodes = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeNodes() throws Exception {
        for (Vertx node : nodes) {
            node.close().await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Vertx startNode() throws Exception {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName("codec-it-" + ProcessHandle.current().pid());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(5701).setPortAutoIncrement(true).setPortCount(50);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        Vertx node = Vertx.builder()
                .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setPort(0)))
                .withClusterManager(new HazelcastClusterManager(config))
                .buildClustered()
                .await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        nodes.add(node);
        EventCodecs.registerAll(node.eventBus());
        return node;
    }

    @Test
    void everyEventTypeArrivesEqualOnAnotherNode() throws Exception {
        Vertx sender = startNode();
        Vertx receiver = startNode();
        List<TickbusEvent> received = new CopyOnWriteArrayList<>();
        receiver.eventBus().<TickbusEvent>consumer(ADDRESS, message -> {
            received.add(message.body());
            message.reply("received");
        }).completion().await(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        Future<?> sent = Future.succeededFuture();
        for (TickbusEvent event : EventBusCodecTest.EVENTS) {
            sent = sent.compose(previous -> sender.eventBus().request(ADDRESS, event));
        }
        sent.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertEquals(EventBusCodecTest.EVENTS, received);
    }
}
