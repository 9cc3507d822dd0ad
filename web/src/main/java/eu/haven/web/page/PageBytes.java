package eu.haven.web.page;

import gg.jte.TemplateOutput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A page's HTML as UTF-8 in one growing array. The templates' own text arrives encoded at build time; the rest (messages,
 * names, dates, escaped piece by piece) is encoded straight into the array. jte's {@code Utf8ByteOutput} made a string and
 * an array of every piece and copied them all once more at the end: a tenth of a timeline page's time in Arabic.
 * Unpaired surrogates become {@code ?}, as {@link String#getBytes} writes them.
 */
final class PageBytes implements TemplateOutput {
    private byte[] bytes;
    private int size;

    PageBytes(int capacity) {
        this.bytes = new byte[Math.max(1024, capacity)];
    }

    PageBytes() {
        this(16 * 1024);
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int begin, int end) {
        if (bytes.length - size < 3 * (end - begin)) {
            // Three bytes a char at most; near the end of the array, count exactly rather than grow it for nothing.
            room(utf8Length(value, begin, end));
        }
        byte[] b = bytes;
        int n = size;
        for (int i = begin; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[n++] = '?';
            }
        }
        size = n;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private static int utf8Length(String value, int begin, int end) {
        int n = 0;
        for (int i = begin; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (!Character.isSurrogate(c)) {
                n += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(value.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 1;
            }
        }
        return n;
    }

    private void room(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    int capacity() {
        return bytes.length;
    }

    int size() {
        return size;
    }

    /** The page, without copying it. */
    InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    /** The array the page's {@link #size} bytes begin, not a copy. */
    byte[] bytes() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
