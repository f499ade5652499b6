package tickbus;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.Arrays;
import java.util.Map;
import tickbus.config.ConfigException;

/** The Hazelcast configuration: {@code cluster.xml} from the class path, then overrides from the environment. */
public final class ClusterConfig {

    private ClusterConfig() {
    }

    public static Config load(Map<String, String> environment) {
        Config config = ConfigUtil.loadConfig();
        String name = environment.get("TICKBUS_CLUSTER_NAME");
        if (name != null && !name.isBlank()) {
            config.setClusterName(name);
        }
        NetworkConfig network = config.getNetworkConfig();
        String port = environment.get("TICKBUS_CLUSTER_PORT");
        if (port != null && !port.isBlank()) {
            network.setPort(parsePort("TICKBUS_CLUSTER_PORT", port));
        }
        String members = environment.get("TICKBUS_CLUSTER_MEMBERS");
        if (members != null && !members.isBlank()) {
            network.getJoin().getTcpIpConfig().setMembers(Arrays.stream(members.split(","))
                    .map(String::trim).filter(m -> !m.isEmpty()).toList());
        }
        String networkInterface = environment.get("TICKBUS_CLUSTER_INTERFACE");
        if (networkInterface != null && !networkInterface.isBlank()) {
            network.getInterfaces().setEnabled(true).clear().addInterface(networkInterface.trim());
        }
        String publicAddress = environment.get("TICKBUS_CLUSTER_PUBLIC_ADDRESS");
        if (publicAddress != null && !publicAddress.isBlank()) {
            network.setPublicAddress(publicAddress.trim());
        }
        return config;
    }

    static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new ConfigException(variable, "value=\"" + value + "\"; expected a port from 0 to 65535");
    }
}
