package tickbus.testing;

import io.vertx.core.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A TCP event-bus bridge client's framing, written independently of the server's: 4-byte length, then JSON. */
public final class TcpBridgeFrames {

    private TcpBridgeFrames() {
    }

    public static void write(DataOutputStream out, JsonObject frame) throws IOException {
        byte[] json = frame.encode().getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
        out.flush();
    }

    public static JsonObject read(DataInputStream in) throws IOException {
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return new JsonObject(new String(json, StandardCharsets.UTF_8));
    }
}
