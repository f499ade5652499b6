package tickbus.bench;

import java.util.ArrayList;
import java.util.List;
import tickbus.testing.ItchFlowGenerator;

/** Benchmark input: a generated ITCH stream, messages back to back with their offsets and lengths. */
final class ItchStreams {

    final byte[] bytes;
    final int[] offsets;
    final int[] lengths;

    private ItchStreams(List<byte[]> messages) {
        int total = 0;
        for (byte[] message : messages) {
            total += message.length;
        }
        bytes = new byte[total];
        offsets = new int[messages.size()];
        lengths = new int[messages.size()];
        int offset = 0;
        for (int i = 0; i < messages.size(); i++) {
            byte[] message = messages.get(i);
            System.arraycopy(message, 0, bytes, offset, message.length);
            offsets[i] = offset;
            lengths[i] = message.length;
            offset += message.length;
        }
    }

    /**
     * Order flow for {@code instruments} instruments in a realistic mix, ending with deletes of every live order so
     * that replaying it again and again on the same books starts from empty books each time.
     */
    static ItchStreams replayable(long seed, int instruments, int messages) {
        ItchFlowGenerator flow = new ItchFlowGenerator(seed, instruments);
        List<byte[]> all = new ArrayList<>(flow.messages(messages));
        all.addAll(flow.drain());
        return new ItchStreams(all);
    }

    int count() {
        return offsets.length;
    }
}
