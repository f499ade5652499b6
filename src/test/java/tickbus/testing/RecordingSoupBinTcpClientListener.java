package tickbus.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tickbus.protocol.soupbintcp.SoupBinTcpClientListener;
import tickbus.protocol.soupbintcp.SoupBinTcpClientState;

/** Records what a SoupBinTCP client session reports, one readable line per callback. */
public final class RecordingSoupBinTcpClientListener implements SoupBinTcpClientListener {

    private final List<String> events = new ArrayList<>();

    public List<String> events() {
        return events;
    }

    /** The events recorded so far, then forgets them. */
    public List<String> drain() {
        List<String> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    @Override
    public void onSequencedMessage(long sequenceNumber, byte[] buffer, int offset, int length) {
        events.add("message " + sequenceNumber + " " + new String(buffer, offset, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void onStateChanged(SoupBinTcpClientState previous, SoupBinTcpClientState current, String reason) {
        events.add(previous + " -> " + current + " (" + reason + ")");
    }

    @Override
    public void onSessionChanged(String previousSession, String currentSession, long firstSequenceNumber) {
        events.add("session changed " + previousSession + " -> " + currentSession + " at " + firstSequenceNumber);
    }

    @Override
    public void onGap(long fromSequenceNumber, long toSequenceNumber) {
        events.add("gap " + fromSequenceNumber + ".." + toSequenceNumber);
    }
}
