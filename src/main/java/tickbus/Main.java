package tickbus;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tickbus.config.ConfigException;
import tickbus.config.Descriptor;
import tickbus.strategy.admin.DeployCommand;
import tickbus.strategy.admin.UndeployCommand;
import tickbus.tools.RecordCommand;
import tickbus.tools.ReplayCommand;

/** The command line: {@code java -jar tickbus.jar [run|validate-config|deploy|undeploy] ...}; no arguments runs the demo. */
@Command(name = "tickbus", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Market-data ingestion on a clustered Vert.x event bus. Without a command, runs the demo.",
        subcommands = {Main.Run.class, Main.ValidateConfig.class, DeployCommand.class, UndeployCommand.class,
            RecordCommand.class, ReplayCommand.class})
public final class Main implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_CONFIG = 2;
    private static final String DEMO_DESCRIPTOR = "/verticles.json";
    /** The whole shutdown, and the part of it spent undeploying one verticle after another. */
    private static final long SHUTDOWN_MILLIS = 15_000;
    private static final long ORDERLY_SHUTDOWN_MILLIS = 8_000;

    @Option(names = "--json-logs", description = "Log JSON lines instead of readable text.")
    boolean jsonLogs;

    @Option(names = "--http-port", description = "Port of the monitoring HTTP server (default 8080).")
    Integer httpPort;

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != EXIT_OK || !isRun(args)) {
            System.exit(exitCode);
        }
    }

    /** The command line with its error handling; tests run it in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::commandFailed);
    }

    private static boolean isRun(String[] args) {
        return args.length == 0 || "run".equals(args[0]) || (args[0].startsWith("--") && !args[0].equals("--help")
                && !args[0].equals("--version"));
    }

    @Override
    public Integer call() {
        Logging.configure(jsonLogs);
        String text;
        try (InputStream in = Main.class.getResourceAsStream(DEMO_DESCRIPTOR)) {
            if (in == null) {
                throw new ConfigException(DEMO_DESCRIPTOR, "the demo descriptor is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new ConfigException(DEMO_DESCRIPTOR, "cannot read: " + e.getMessage());
        }
        return startNode(Descriptor.parse(text, "demo descriptor"), false, httpPort);
    }

    static int startNode(Descriptor descriptor, boolean cluster, Integer httpPort) {
        Descriptor effective = httpPort == null ? descriptor : HttpPortOverride.apply(descriptor, httpPort);
        Map<String, String> environment = System.getenv();
        CompletableFuture<Integer> started = new CompletableFuture<>();
        NodeLauncher.createVertx(cluster, environment).onComplete(created -> {
            if (created.failed()) {
                started.complete(failed("cannot start Vert.x: " + created.cause().getMessage()));
                return;
            }
            Vertx vertx = created.result();
            java.util.List<String> deployed = new java.util.concurrent.CopyOnWriteArrayList<>();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx, deployed), "tickbus-shutdown"));
            NodeLauncher.deploy(vertx, effective).onComplete(deployment -> {
                if (deployment.succeeded()) {
                    deployed.addAll(deployment.result());
                    org.slf4j.LoggerFactory.getLogger(Main.class).info("tickbus node started: verticles={}, clustered={}",
                            effective.verticles().size(), vertx.isClustered());
                    started.complete(EXIT_OK);
                } else {
                    started.complete(failed(deployment.cause().getMessage()));
                }
            });
        });
        return started.join();
    }

    private static int failed(String message) {
        org.slf4j.LoggerFactory.getLogger(Main.class).error("tickbus failed to start: {}", message);
        return EXIT_FAILED;
    }

    private static void closeQuietly(Vertx vertx, java.util.List<String> deploymentIds) {
        try {
            NodeLauncher.shutDown(vertx, deploymentIds, ORDERLY_SHUTDOWN_MILLIS)
                    .toCompletionStage().toCompletableFuture().get(SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).warn("shutdown did not complete cleanly: {}", e.toString());
        }
    }

    /** {@code tickbus run --config FILE [--cluster] [--http-port N]}. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a node from a descriptor.")
    static final class Run implements Callable<Integer> {

        @Option(names = "--config", required = true, description = "The deployment descriptor (verticles.json).")
        Path config;

        @Option(names = "--cluster", description = "Join the Hazelcast cluster described by cluster.xml.")
        boolean cluster;

        @Option(names = "--http-port", description = "Port of the monitoring HTTP server.")
        Integer httpPort;

        @Option(names = "--json-logs", description = "Log JSON lines instead of readable text.")
        boolean jsonLogs;

        @Override
        public Integer call() {
            Logging.configure(jsonLogs);
            return startNode(Descriptor.read(config), cluster, httpPort);
        }
    }

    /** {@code tickbus validate-config FILE}. */
    @Command(name = "validate-config", mixinStandardHelpOptions = true,
            description = "Check a descriptor without starting anything; exit 2 on the first error.")
    static final class ValidateConfig implements Callable<Integer> {

        @Parameters(index = "0", description = "The deployment descriptor.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Descriptor descriptor = Descriptor.read(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": valid, " + descriptor.verticles().size() + " verticles");
            return EXIT_OK;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tickbus " + (version == null ? "development build" : version)
                    + " (Vert.x 5.0.7, Java " + Runtime.version() + ")"};
        }
    }

    /** One line on stderr per error, never a stack trace: an operator reads it, not a developer. */
    private static int commandFailed(Exception e, CommandLine commandLine, CommandLine.ParseResult result) {
        if (e instanceof ConfigException) {
            e.getMessage().lines()
                    .forEach(line -> commandLine.getErr().println("tickbus: configuration error: " + line));
            return EXIT_BAD_CONFIG;
        }
        commandLine.getErr().println("tickbus: " + commandLine.getCommandName() + " failed: " + e);
        return EXIT_FAILED;
    }
}
