package tickbus.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} on a free loopback port, in its own temporary directory, for tests: it can be
 * killed with SIGKILL, suspended with SIGSTOP, and restarted on the same port with the same arguments. Commands
 * go through a small blocking RESP2 client ({@link #command}).
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(20);
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final int port;
    private final Path directory;
    private final List<String> arguments;
    private Process process;

    private RedisServerProcess(int port, Path directory, List<String> arguments) {
        this.port = port;
        this.directory = directory;
        this.arguments = arguments;
    }

    /** No persistence: {@code --save "" --appendonly no}. */
    public static RedisServerProcess start(String... extraArguments) {
        return start(false, extraArguments);
    }

    /** Append-only file fsynced on every write, so acknowledged writes survive {@link #kill9()}. */
    public static RedisServerProcess startPersistent(String... extraArguments) {
        return start(true, extraArguments);
    }

    private static RedisServerProcess start(boolean persistent, String... extraArguments) {
        try {
            Path directory = Files.createTempDirectory("tickbus-redis-");
            int port = FreePorts.stable();
            List<String> arguments = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--dir", directory.toString(),
                    "--logfile", directory.resolve("redis.log").toString()));
            arguments.addAll(persistent ? List.of("--appendonly", "yes", "--appendfsync", "always")
                    : List.of("--appendonly", "no"));
            arguments.addAll(List.of(extraArguments));
            RedisServerProcess server = new RedisServerProcess(port, directory, List.copyOf(arguments));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-server (install it: apt-get install -y redis-server): "
                    + e.getMessage(), e);
        }
        Await.until("redis-server answering PING on port " + port, START_DEADLINE, this::answers, this::log);
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited: code=" + process.exitValue() + ", log=" + log());
        }
        try {
            return "PONG".equals(command("PING"));
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** The process id of the running server. */
    public long pid() {
        return process.pid();
    }

    public String connectionString() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown, no save; clients see their connections reset. */
    public void kill9() {
        process.destroyForcibly();
        Await.until("redis-server killed", START_DEADLINE, () -> !process.isAlive());
    }

    /** Start again on the same port, directory and arguments (an append-only file is replayed). */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("redis-server is still running on port " + port);
        }
        launch();
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, as a hung server would. */
    public void suspend() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #suspend()}. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " failed: exit=" + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's log so far. */
    public String log() {
        try {
            Path log = directory.resolve("redis.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Run one command on a new connection and return the reply: a String (simple or bulk; null for nil), a Long,
     * a List of replies, or a {@link RespError} for an error reply.
     */
    public Object command(String... arguments) {
        List<byte[]> bytes = new ArrayList<>(arguments.length);
        for (String argument : arguments) {
            bytes.add(argument.getBytes(StandardCharsets.UTF_8));
        }
        return pipeline(List.of(bytes)).get(0);
    }

    /** Send every command on one connection without waiting, then read every reply, in order. */
    public List<Object> pipeline(List<List<byte[]>> commands) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            List<Object> replies = new ArrayList<>(commands.size());
            Thread writer = new Thread(() -> write(out, commands), "redis-test-pipeline");
            writer.start();
            for (int i = 0; i < commands.size(); i++) {
                replies.add(read(in));
            }
            writer.join();
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, List<List<byte[]>> commands) {
        try {
            for (List<byte[]> command : commands) {
                out.write(("*" + command.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                for (byte[] argument : command) {
                    out.write(("$" + argument.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(argument);
                    out.write('\r');
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error reply. */
    public record RespError(String message) {
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RespError(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                line(in);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    elements.add(read(in));
                }
                return elements;
            }
            default:
                throw new IOException("not a RESP2 reply: type=" + type + ", line=" + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in a reply");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            resume();
            process.destroyForcibly();
            Await.until("redis-server stopped", START_DEADLINE, () -> !process.isAlive());
        }
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
