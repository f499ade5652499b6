package tickbus.strategy.admin;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tickbus.config.JsonText;

/** {@code tickbus deploy VERTICLE [--name N] [--config JSON] [--instances N] [--worker] [--admin URL]}. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a verticle (alias, class, groovy:FILE or js:FILE) on a running node; exit 1 if it fails.")
public final class DeployCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to deploy, e.g. groovy:strategies/momentum.groovy or mid-spread.")
    String verticle;

    @Option(names = "--name", description = "Deployment name (default: from the verticle, e.g. momentum).")
    String name;

    @Option(names = "--config", description = "The verticle's config slice as JSON.", defaultValue = "{}")
    String config;

    @Option(names = "--instances", defaultValue = "1", description = "Number of instances.")
    int instances;

    @Option(names = "--worker", description = "Run on the strategy worker pool (recommended for strategies).")
    boolean worker;

    @Option(names = "--admin", defaultValue = "http://127.0.0.1:8091", description = "The node's admin endpoint.")
    String admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String deploymentName = name == null ? defaultName(verticle) : name;
        JsonObject entry = new JsonObject().put("name", deploymentName).put("verticle", verticle)
                .put("instances", instances).put("worker", worker)
                .put("config", JsonText.parseObject(config, "--config"));
        AdminClient.Response response = AdminClient.forOption(admin, spec.commandLine()).deploy(entry);
        if (!response.ok()) {
            spec.commandLine().getErr().println("tickbus: deploy failed: " + response.error());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("deployed " + deploymentName + ": id=" + response.body().getString("id"));
        return 0;
    }

    /** {@code groovy:strategies/Momentum.groovy} → {@code momentum}. */
    static String defaultName(String verticle) {
        String base = verticle.substring(verticle.lastIndexOf(':') + 1);
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0 && verticle.contains(":")) {
            base = base.substring(0, dot);
        } else if (dot > 0) {
            base = base.substring(dot + 1);
        }
        String kebab = base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
        return kebab.length() > 64 ? kebab.substring(0, 64) : kebab;
    }
}
