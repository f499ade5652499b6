package tickbus.sim.itch;

/** Where a simulated session's ITCH messages come from: generated order flow or a recorded file. */
public interface ItchMessageSource {

    /** Room {@link #next} needs in its destination: the longest message a BinaryFILE frame can hold. */
    int MAX_MESSAGE_LENGTH = tickbus.protocol.itch.BinaryFile.MAX_MESSAGE_LENGTH;

    /**
     * Write the next message at the start of {@code destination} and return its length, or -1 when there are no
     * more. {@code timestampNanos} (nanoseconds since midnight) stamps a generated message; a recorded one keeps
     * its own.
     */
    int next(byte[] destination, long timestampNanos);
}
