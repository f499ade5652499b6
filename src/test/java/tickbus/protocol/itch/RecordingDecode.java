package tickbus.protocol.itch;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/** Decodes one message and keeps the flyweight the listener received (safe here: nothing reuses it after). */
final class RecordingDecode {

    Itch50Message<?> message;
    String method;

    static RecordingDecode of(byte[] message) {
        RecordingDecode recording = new RecordingDecode();
        InvocationHandler handler = (proxy, method, arguments) -> {
            recording.method = method.getName();
            recording.message = (Itch50Message<?>) arguments[0];
            return null;
        };
        Itch50Listener listener = (Itch50Listener) Proxy.newProxyInstance(Itch50Listener.class.getClassLoader(),
                new Class<?>[] {Itch50Listener.class}, handler);
        new Itch50Decoder(listener).decode(message, 0, message.length);
        return recording;
    }
}
