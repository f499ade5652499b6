package tickbus.testing;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import tickbus.protocol.itch.AddOrder;
import tickbus.protocol.itch.AddOrderMpid;
import tickbus.protocol.itch.BrokenTrade;
import tickbus.protocol.itch.CrossTrade;
import tickbus.protocol.itch.DlcrPriceDiscovery;
import tickbus.protocol.itch.IpoQuotingPeriodUpdate;
import tickbus.protocol.itch.Itch50Message;
import tickbus.protocol.itch.LuldAuctionCollar;
import tickbus.protocol.itch.MarketParticipantPosition;
import tickbus.protocol.itch.MwcbDeclineLevel;
import tickbus.protocol.itch.MwcbStatus;
import tickbus.protocol.itch.Noii;
import tickbus.protocol.itch.NonCrossTrade;
import tickbus.protocol.itch.OperationalHalt;
import tickbus.protocol.itch.OrderCancel;
import tickbus.protocol.itch.OrderDelete;
import tickbus.protocol.itch.OrderExecuted;
import tickbus.protocol.itch.OrderExecutedWithPrice;
import tickbus.protocol.itch.OrderReplace;
import tickbus.protocol.itch.RegShoRestriction;
import tickbus.protocol.itch.Rpii;
import tickbus.protocol.itch.StockDirectory;
import tickbus.protocol.itch.StockTradingAction;
import tickbus.protocol.itch.SystemEvent;

/**
 * The body fields of every ITCH message class, read from the classes themselves ({@code *_OFFSET} constants and
 * getters), so tests can fill, read and write any message type generically.
 */
public final class Itch50Layouts {

    /** How a field is typed in the flyweight. */
    public enum Kind {
        /** One byte, read as {@code byte}. */
        CHAR,
        /** Space-padded ASCII, read as a String and as raw bytes. */
        ALPHA,
        /** A big-endian integer, read as {@code int} or {@code long}. */
        NUMBER
    }

    public record BodyField(String name, int offset, int width, Kind kind) {
    }

    public record Layout(Class<? extends Itch50Message<?>> type, byte messageType, int length,
            List<BodyField> fields) {
    }

    public static final List<Class<? extends Itch50Message<?>>> MESSAGE_CLASSES = List.of(SystemEvent.class,
            StockDirectory.class, StockTradingAction.class, RegShoRestriction.class, MarketParticipantPosition.class,
            MwcbDeclineLevel.class, MwcbStatus.class, IpoQuotingPeriodUpdate.class, LuldAuctionCollar.class,
            OperationalHalt.class, AddOrder.class, AddOrderMpid.class, OrderExecuted.class,
            OrderExecutedWithPrice.class, OrderCancel.class, OrderDelete.class, OrderReplace.class,
            NonCrossTrade.class, CrossTrade.class, BrokenTrade.class, Noii.class, Rpii.class,
            DlcrPriceDiscovery.class);

    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.".getBytes(StandardCharsets.US_ASCII);

    private static final Map<Class<?>, Layout> LAYOUTS = new ConcurrentHashMap<>();
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private Itch50Layouts() {
    }

    public static List<Layout> all() {
        List<Layout> layouts = new ArrayList<>();
        for (Class<? extends Itch50Message<?>> type : MESSAGE_CLASSES) {
            layouts.add(of(type));
        }
        return layouts;
    }

    public static Layout of(Class<? extends Itch50Message<?>> type) {
        return LAYOUTS.computeIfAbsent(type, key -> read(type));
    }

    private static Layout read(Class<? extends Itch50Message<?>> type) {
        Itch50Message<?> message = newInstance(type);
        List<BodyField> offsets = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_OFFSET")) {
                String name = camelCase(field.getName().substring(0, field.getName().length() - "_OFFSET".length()));
                offsets.add(new BodyField(name, staticInt(field), 0, kindOf(type, name)));
            }
        }
        offsets.sort(Comparator.comparingInt(BodyField::offset));
        List<BodyField> fields = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            BodyField field = offsets.get(i);
            int end = i + 1 < offsets.size() ? offsets.get(i + 1).offset() : message.length();
            fields.add(new BodyField(field.name(), field.offset(), end - field.offset(), field.kind()));
        }
        return new Layout(type, message.messageType(), message.length(), List.copyOf(fields));
    }

    /** A message of this layout with random bytes, except the type byte and printable, padded alpha fields. */
    public static byte[] randomMessage(Layout layout, Random random) {
        byte[] bytes = new byte[layout.length()];
        random.nextBytes(bytes);
        bytes[0] = layout.messageType();
        for (BodyField field : layout.fields()) {
            if (field.kind() == Kind.ALPHA) {
                int used = random.nextInt(field.width() + 1);
                for (int i = 0; i < field.width(); i++) {
                    bytes[field.offset() + i] = i < used ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) ' ';
                }
            }
        }
        return bytes;
    }

    public static Itch50Message<?> newInstance(Class<? extends Itch50Message<?>> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
        }
    }

    /** The getter value: a Number for NUMBER, a Byte for CHAR, the raw Number for ALPHA. */
    public static Object get(Itch50Message<?> message, BodyField field) {
        String getter = field.kind() == Kind.ALPHA ? field.name() + "Raw" : field.name();
        return invoke(message, method(message.getClass(), getter), new Object[0]);
    }

    /** The ALPHA field as text without padding. */
    public static String getText(Itch50Message<?> message, BodyField field) {
        return (String) invoke(message, method(message.getClass(), field.name()), new Object[0]);
    }

    /** Calls the setter: a String for ALPHA, a byte for CHAR, an int or long for NUMBER. */
    public static void set(Itch50Message<?> message, BodyField field, Object value) {
        Method setter = METHODS.computeIfAbsent(message.getClass().getName() + "#set#" + field.name(),
                key -> setter(message.getClass(), field.name()));
        Class<?> parameter = setter.getParameterTypes()[0];
        Object argument = parameter == int.class ? (Object) ((Number) value).intValue()
                : parameter == long.class ? (Object) ((Number) value).longValue() : value;
        invoke(message, setter, new Object[] {argument});
    }

    private static Method setter(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new IllegalStateException("no setter: type=" + type.getSimpleName() + ", field=" + name);
    }

    private static Kind kindOf(Class<?> type, String name) {
        if (hasMethod(type, name + "Raw")) {
            return Kind.ALPHA;
        }
        return method(type, name).getReturnType() == byte.class ? Kind.CHAR : Kind.NUMBER;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Method method(Class<?> type, String name) {
        return METHODS.computeIfAbsent(type.getName() + "#" + name, key -> lookUp(type, name));
    }

    private static Method lookUp(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no getter: type=" + type.getSimpleName() + ", field=" + name, e);
        }
    }

    private static Object invoke(Object target, Method method, Object[] arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static int staticInt(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String camelCase(String upperSnake) {
        StringBuilder name = new StringBuilder();
        for (String part : upperSnake.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
