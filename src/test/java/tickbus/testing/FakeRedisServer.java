package tickbus.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A RESP server on loopback that answers each command (an array of bulk strings, as clients send them) as the test
 * scripts it, or not at all, and records every command it received.
 */
public final class FakeRedisServer implements AutoCloseable {

    /** What a server answers to a command: a RESP reply, or null for no answer at all. */
    public interface Answers extends Function<List<String>, String> {
    }

    /** PING answered PONG, (P)SUBSCRIBE accepted but never confirmed, anything else OK. */
    public static final Answers NEVER_CONFIRMS_SUBSCRIBES = command -> switch (command.get(0)) {
        case "PING" -> "+PONG\r\n";
        case "SUBSCRIBE", "PSUBSCRIBE" -> null;
        default -> "+OK\r\n";
    };

    private final NetServer server;
    private final List<List<String>> commands = new CopyOnWriteArrayList<>();

    private FakeRedisServer(Vertx vertx, Answers answers) {
        server = vertx.createNetServer().connectHandler(socket -> serve(socket, answers));
    }

    public static FakeRedisServer start(Vertx vertx, Answers answers) {
        FakeRedisServer fake = new FakeRedisServer(vertx, answers);
        Await.result(fake.server.listen(0, "127.0.0.1"));
        return fake;
    }

    public String connectionString() {
        return "redis://127.0.0.1:" + server.actualPort();
    }

    /** How many commands named {@code name} (upper case) arrived. */
    public long received(String name) {
        return commands.stream().filter(command -> command.get(0).equals(name)).count();
    }

    private void serve(NetSocket socket, Answers answers) {
        Buffer[] pending = {Buffer.buffer()};
        socket.handler(bytes -> {
            pending[0].appendBuffer(bytes);
            List<String> command = new ArrayList<>();
            int start = 0;
            int next;
            while ((next = parse(pending[0], start, command)) > 0) {
                command.set(0, command.get(0).toUpperCase(Locale.ROOT));
                commands.add(List.copyOf(command));
                String reply = answers.apply(command);
                if (reply != null) {
                    socket.write(reply);
                }
                start = next;
            }
            pending[0] = pending[0].getBuffer(start, pending[0].length());
        });
    }

    /** Parse one {@code *n $len arg ...} command at {@code start} into {@code command}; 0 while incomplete. */
    private static int parse(Buffer bytes, int start, List<String> command) {
        command.clear();
        int position = start;
        int lineEnd = lineEnd(bytes, position);
        if (lineEnd < 0) {
            return 0;
        }
        int count = Integer.parseInt(text(bytes, position + 1, lineEnd));
        position = lineEnd + 2;
        for (int i = 0; i < count; i++) {
            lineEnd = lineEnd(bytes, position);
            if (lineEnd < 0) {
                return 0;
            }
            int length = Integer.parseInt(text(bytes, position + 1, lineEnd));
            position = lineEnd + 2;
            if (position + length + 2 > bytes.length()) {
                return 0;
            }
            command.add(text(bytes, position, position + length));
            position += length + 2;
        }
        return position;
    }

    private static int lineEnd(Buffer bytes, int from) {
        for (int i = from; i + 1 < bytes.length(); i++) {
            if (bytes.getByte(i) == '\r' && bytes.getByte(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String text(Buffer bytes, int from, int to) {
        return bytes.getString(from, to, StandardCharsets.UTF_8.name());
    }

    @Override
    public void close() {
        Await.result(server.close());
    }
}
