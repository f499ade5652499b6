package tickbus.strategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Linux scheduling of the calling thread. Java has no call for it: the thread's id is read from
 * {@code /proc/thread-self}, and {@code chrt} or {@code renice} lowers its priority (which needs no privilege;
 * raising it back does).
 */
final class ThreadPriority {

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final long COMMAND_TIMEOUT_SECONDS = 5;
    /** Fields of {@code /proc/<pid>/task/<tid>/stat}, counted from 1. */
    private static final int NICE_FIELD = 19;
    private static final int POLICY_FIELD = 41;
    /** {@code SCHED_IDLE}: runs only on CPU that no normal thread wants, and is preempted when one wakes. */
    static final int SCHED_IDLE = 5;

    private ThreadPriority() {
    }

    /** This thread's niceness, read from the kernel. */
    static int current() throws IOException {
        return statField(NICE_FIELD);
    }

    /** This thread's scheduling policy ({@code SCHED_OTHER} 0, {@link #SCHED_IDLE} 5, ...), read from the kernel. */
    static int policy() throws IOException {
        return statField(POLICY_FIELD);
    }

    /**
     * Moves this thread to {@code SCHED_IDLE} and returns its policy as the kernel reports it afterwards.
     *
     * @throws IOException when the thread's id cannot be read or {@code chrt} fails, with its output
     */
    static int idleCurrentThread() throws IOException {
        run("chrt", "--idle", "-p", "0", threadId());
        return policy();
    }

    private static int statField(int field) throws IOException {
        String stat = Files.readString(THREAD_SELF.resolve("stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(fields[field - 3]);
    }

    /**
     * Sets this thread's niceness to {@code nice} (higher is lower priority) and returns it as the kernel reports
     * it afterwards.
     *
     * @throws IOException when the thread's id cannot be read or {@code renice} fails, with its output
     */
    static int lowerCurrentThread(int nice) throws IOException {
        run("renice", "-n", Integer.toString(nice), "-p", threadId());
        return current();
    }

    private static String threadId() throws IOException {
        String taskPath = Files.readSymbolicLink(THREAD_SELF).toString();
        return taskPath.substring(taskPath.lastIndexOf('/') + 1);
    }

    private static void run(String... command) throws IOException {
        String line = String.join(" ", command);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(line + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + line, e);
        }
        String output = new String(process.getInputStream().readAllBytes()).trim();
        if (process.exitValue() != 0) {
            throw new IOException(line + " exited with " + process.exitValue() + ": " + output);
        }
    }
}
