package tickbus.strategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Linux scheduler's niceness of the calling thread. Java has no call for it: the thread's id is read from
 * {@code /proc/thread-self} and {@code renice} lowers its priority (which needs no privilege; raising it back does).
 */
final class ThreadNiceness {

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final long RENICE_TIMEOUT_SECONDS = 5;
    /** Field 19 of {@code /proc/<pid>/task/<tid>/stat}, counted from 1. */
    private static final int NICE_FIELD = 19;

    private ThreadNiceness() {
    }

    /** This thread's niceness, read from the kernel. */
    static int current() throws IOException {
        String stat = Files.readString(THREAD_SELF.resolve("stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(fields[NICE_FIELD - 3]);
    }

    /**
     * Sets this thread's niceness to {@code nice} (higher is lower priority) and returns it as the kernel reports
     * it afterwards.
     *
     * @throws IOException when the thread's id cannot be read or {@code renice} fails, with its output
     */
    static int lowerCurrentThread(int nice) throws IOException {
        String taskPath = Files.readSymbolicLink(THREAD_SELF).toString();
        String threadId = taskPath.substring(taskPath.lastIndexOf('/') + 1);
        Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", threadId)
                .redirectErrorStream(true).start();
        try {
            if (!renice.waitFor(RENICE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                throw new IOException("renice -n " + nice + " -p " + threadId + " did not finish within "
                        + RENICE_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for renice of thread " + threadId, e);
        }
        String output = new String(renice.getInputStream().readAllBytes()).trim();
        if (renice.exitValue() != 0) {
            throw new IOException("renice -n " + nice + " -p " + threadId + " exited with " + renice.exitValue()
                    + ": " + output);
        }
        return current();
    }
}
