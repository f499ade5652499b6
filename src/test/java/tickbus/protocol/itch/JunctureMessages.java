package tickbus.protocol.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tickbus.testing.Itch50Layouts;
import tickbus.testing.Itch50Layouts.BodyField;
import tickbus.testing.Itch50Layouts.Layout;

/**
 * Compares our flyweights with juncture's {@code ITCH50} message classes field by field, generically: juncture's
 * public fields carry the same names as our getters except where mapped here.
 */
final class JunctureMessages {

    private static final Map<String, String> JUNCTURE_CLASS_NAMES = Map.ofEntries(
            Map.entry("RegShoRestriction", "RegSHORestriction"), Map.entry("MwcbDeclineLevel", "MWCBDeclineLevel"),
            Map.entry("MwcbStatus", "MWCBStatus"), Map.entry("IpoQuotingPeriodUpdate", "IPOQuotingPeriodUpdate"),
            Map.entry("LuldAuctionCollar", "LULDAuctionCollar"), Map.entry("AddOrderMpid", "AddOrderMPID"),
            Map.entry("NonCrossTrade", "Trade"), Map.entry("Noii", "NOII"), Map.entry("Rpii", "RPII"));
    private static final Map<String, String> OUR_FIELD_NAMES = Map.of("locateCode", "stockLocate", "regSHOAction",
            "regShoAction");
    private static final Set<String> TIMESTAMP_PARTS = Set.of("timestampHigh", "timestampLow");

    private JunctureMessages() {
    }

    /** Juncture's message class for ours, or null where juncture 1.0.0 has none (DLCR). */
    static ITCH50.Message newJuncture(Class<?> ours) {
        String name = JUNCTURE_CLASS_NAMES.getOrDefault(ours.getSimpleName(), ours.getSimpleName());
        try {
            Class<?> type = Class.forName(ITCH50.class.getName() + "$" + name);
            return (ITCH50.Message) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty juncture message of the same class. */
    static ITCH50.Message newJunctureLike(ITCH50.Message message) {
        try {
            return message.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decode with juncture: its {@code get} reads everything after the type byte. */
    static void decode(ITCH50.Message theirs, byte[] message) {
        theirs.get(ByteBuffer.wrap(message, 1, message.length - 1));
    }

    /** Encode with juncture: its {@code put} writes the type byte too. */
    static byte[] encode(ITCH50.Message theirs, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        theirs.put(buffer);
        assertEquals(length, buffer.position(), "juncture wrote another length for " + theirs.getClass());
        return buffer.array();
    }

    /** Every juncture field equals our getter, and every field of ours is covered. */
    static void assertSameFields(Itch50Message<?> ours, ITCH50.Message theirs) {
        Layout layout = Itch50Layouts.of(layoutType(ours));
        Map<String, BodyField> fields = byName(layout);
        Set<String> covered = new HashSet<>();
        for (Field field : publicFields(theirs)) {
            String name = OUR_FIELD_NAMES.getOrDefault(field.getName(), field.getName());
            Object theirValue = value(field, theirs);
            String where = ours.getClass().getSimpleName() + "." + name;
            if (TIMESTAMP_PARTS.contains(name)) {
                long part = name.equals("timestampHigh") ? ours.timestampNanos() >>> 32
                        : ours.timestampNanos() & 0xFFFF_FFFFL;
                assertEquals(((Number) theirValue).longValue(), part, where);
                covered.add("timestampNanos");
            } else if (name.equals("stockLocate") || name.equals("trackingNumber")) {
                long mine = name.equals("stockLocate") ? ours.stockLocate() : ours.trackingNumber();
                assertEquals(((Number) theirValue).longValue(), mine, where);
                covered.add(name);
            } else {
                BodyField mine = fields.get(name);
                assertEquals(normalise(theirValue), normalise(Itch50Layouts.get(ours, mine)), where);
                covered.add(name);
            }
        }
        Set<String> expected = new HashSet<>(fields.keySet());
        expected.addAll(Set.of("stockLocate", "trackingNumber", "timestampNanos"));
        assertEquals(expected, covered, "fields compared for " + ours.getClass().getSimpleName());
    }

    /** Set every field of ours (already wrapped for encoding) from juncture's values. */
    static void copyInto(ITCH50.Message theirs, Itch50Message<?> ours) {
        Map<String, BodyField> fields = byName(Itch50Layouts.of(layoutType(ours)));
        long timestamp = 0;
        for (Field field : publicFields(theirs)) {
            String name = OUR_FIELD_NAMES.getOrDefault(field.getName(), field.getName());
            Number value = field.getType() == byte.class ? null : (Number) value(field, theirs);
            switch (name) {
                case "timestampHigh" -> timestamp |= value.longValue() << 32;
                case "timestampLow" -> timestamp |= value.longValue();
                case "stockLocate" -> ours.stockLocate(value.intValue());
                case "trackingNumber" -> ours.trackingNumber(value.intValue());
                default -> {
                    BodyField mine = fields.get(name);
                    Object argument = mine.kind() == Itch50Layouts.Kind.ALPHA ? text(value, mine.width())
                            : value(field, theirs);
                    Itch50Layouts.set(ours, mine, argument);
                }
            }
        }
        ours.timestampNanos(timestamp);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Itch50Message<?>> layoutType(Itch50Message<?> ours) {
        return (Class<? extends Itch50Message<?>>) ours.getClass();
    }

    private static Map<String, BodyField> byName(Layout layout) {
        Map<String, BodyField> fields = new HashMap<>();
        for (BodyField field : layout.fields()) {
            fields.put(field.name(), field);
        }
        return fields;
    }

    private static List<Field> publicFields(Object message) {
        List<Field> fields = new ArrayList<>();
        for (Field field : message.getClass().getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static Object value(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes stay bytes; every integer becomes a long, so int and long fields compare by value. */
    private static Object normalise(Object value) {
        return value instanceof Byte ? value : ((Number) value).longValue();
    }

    /** Juncture keeps alpha fields as raw big-endian integers; ours takes the unpadded text. */
    private static String text(Number raw, int width) {
        byte[] bytes = new byte[width];
        long bits = raw.longValue();
        for (int i = width - 1; i >= 0; i--) {
            bytes[i] = (byte) bits;
            bits >>>= 8;
        }
        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }
}
