package tickbus.testing;

import java.util.List;
import tickbus.sim.itch.ItchMessageSource;

/** Serves prepared ITCH messages to the simulator, in order, with their own timestamps. */
public final class ListItchSource implements ItchMessageSource {

    private final List<byte[]> messages;
    private int next;

    public ListItchSource(List<byte[]> messages) {
        this.messages = messages;
    }

    @Override
    public int next(byte[] destination, long timestampNanos) {
        if (next == messages.size()) {
            return -1;
        }
        byte[] message = messages.get(next++);
        System.arraycopy(message, 0, destination, 0, message.length);
        return message.length;
    }
}
