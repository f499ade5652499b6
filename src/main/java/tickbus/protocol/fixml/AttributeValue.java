package tickbus.protocol.fixml;

import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * A reusable window onto the parser's buffer holding the current attribute value, so fields are read
 * without allocating a String. Valid only until the reader moves on.
 */
final class AttributeValue extends TypedValueDecoder implements CharSequence {

    private char[] buffer = new char[0];
    private int start;
    private int end;

    @Override
    public void decode(String lexical) {
        buffer = lexical.toCharArray();
        start = 0;
        end = buffer.length;
    }

    @Override
    public void decode(char[] lexical, int from, int to) {
        buffer = lexical;
        start = from;
        end = to;
    }

    @Override
    public void handleEmptyValue() {
        start = 0;
        end = 0;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        return buffer[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new String(buffer, start + from, to - from);
    }

    char[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    @Override
    public String toString() {
        return new String(buffer, start, end - start);
    }
}
