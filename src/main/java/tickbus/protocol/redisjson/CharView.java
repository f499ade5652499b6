package tickbus.protocol.redisjson;

/** A reusable window on a {@code char[]}, so token text can be read without a String per value. */
final class CharView implements CharSequence {

    private char[] chars = new char[0];
    private int offset;
    private int length;

    CharView set(char[] chars, int offset, int length) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, offset + start, end - start);
    }

    /** Whether the window holds exactly {@code text}. */
    boolean contentEquals(String text) {
        return sameChars(text, chars, offset, length);
    }

    /** Whether {@code chars[offset, offset + length)} holds exactly {@code text}. */
    static boolean sameChars(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
