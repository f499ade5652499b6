package tickbus;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes every library's logging to SLF4J/Logback, readable by default, JSON lines with {@code --json-logs}
 * or {@code TICKBUS_LOG_FORMAT=json}. Must run before the first logger is created.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean jsonLines) {
        boolean json = jsonLines || "json".equalsIgnoreCase(System.getenv("TICKBUS_LOG_FORMAT"));
        if (json && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        System.setProperty("hazelcast.logging.type", "slf4j");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
