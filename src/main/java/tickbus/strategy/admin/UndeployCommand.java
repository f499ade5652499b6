package tickbus.strategy.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickbus undeploy NAME [--admin URL]}. */
@Command(name = "undeploy", mixinStandardHelpOptions = true,
        description = "Undeploy, by name, a verticle deployed with 'tickbus deploy'; exit 1 if there is none.")
public final class UndeployCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The deployment name given to (or derived by) 'tickbus deploy'.")
    String name;

    @Option(names = "--admin", defaultValue = "http://127.0.0.1:8091", description = "The node's admin endpoint.")
    String admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AdminClient.Response response = AdminClient.forOption(admin, spec.commandLine()).undeploy(name);
        if (!response.ok()) {
            spec.commandLine().getErr().println("tickbus: undeploy failed: " + response.error());
            return 1;
        }
        spec.commandLine().getOut().println("undeployed " + name);
        return 0;
    }
}
