package tickbus;

import picocli.CommandLine;

/** The command line as {@code tickbus} runs it, for tests in other packages. */
public final class MainAccess {

    private MainAccess() {
    }

    public static CommandLine commandLine() {
        return Main.commandLine();
    }
}
