package tickbus.strategy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tickbus.Main;
import tickbus.TickbusNode;
import tickbus.strategy.StrategyTestNode;
import tickbus.testing.Await;

/** {@code tickbus deploy} / {@code tickbus undeploy} against a running node's admin endpoint. */
class AdminIT {

    private StrategyTestNode node;
    private String admin;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        node = new StrategyTestNode();
        node.venueWithFeed("XSIM", List.of("AAA"));
        AdminVerticle verticle = new AdminVerticle();
        Await.result(node.vertx.deployVerticle(verticle, new DeploymentOptions()
                .setConfig(new JsonObject().put("port", 0))));
        admin = "http://127.0.0.1:" + verticle.port();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private int tickbus(String... args) {
        return new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void scriptThatDoesNotCompileIsReportedWithFileAndLineAndTheNodeKeepsRunning() {
        int exit = tickbus("deploy", "groovy:src/test/resources/strategies/broken.groovy", "--admin", admin);

        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains("script does not compile: file=src/test/resources/strategies/broken.groovy,"
                + " line=6, column=57, message=Unexpected input: '{'"), err.toString());
        List<JsonObject> outputs = node.outputs("momentum");
        assertEquals(0, tickbus("deploy", "groovy:strategies/momentum.groovy", "--worker", "--admin", admin,
                "--config", "{\"instruments\": [\"XSIM:AAA\"], \"fastPeriod\": 2, \"slowPeriod\": 4}"), err.toString());
        node.pumpUntil("momentum output after the failed deploy", 2, () -> !outputs.isEmpty());
    }

    @Test
    void deployThenUndeployReleasesTheDemand() {
        assertEquals(0, tickbus("deploy", "groovy:strategies/momentum.groovy", "--worker", "--admin", admin,
                "--config", "{\"instruments\": [\"XSIM:AAA\"]}"), err.toString());
        assertTrue(out.toString().startsWith("deployed momentum: id="), out.toString());
        assertEquals(1, TickbusNode.of(node.vertx).demand().localCount("XSIM:AAA"));
        assertEquals(1, tickbus("deploy", "groovy:strategies/momentum.groovy", "--admin", admin,
                "--config", "{\"instruments\": [\"XSIM:AAA\"]}"));
        assertTrue(err.toString().contains("a deployment with this name exists: name=momentum"), err.toString());

        assertEquals(0, tickbus("undeploy", "momentum", "--admin", admin), err.toString());
        Await.until("demand released", () -> TickbusNode.of(node.vertx).demand().localCount("XSIM:AAA") == 0);
        assertEquals(1, tickbus("undeploy", "momentum", "--admin", admin));
    }
}
