package tickbus.protocol.fixml;

/** An immutable {@code Full} entry; price is a mantissa at the writer's or decoder's scale, null when absent. */
public record SnapshotEntry(char type, Long price, Long size) {
}
