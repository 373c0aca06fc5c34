package io.neo4jguard.core.read;

import io.neo4jguard.core.api.Location;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a manifest file to text. YAML and JSON are UTF-8 (or UTF-16/32 with a byte-order mark,
 * YAML 1.2 §5.2); anything else is refused with the line and column of the first bad byte, and a file
 * with NUL bytes is called binary (an archive, an image, a compiled chart) rather than mis-decoded.
 */
final class ManifestText {
    private ManifestText() {
    }

    static String decode(String file, byte[] bytes) throws ReadException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            skip = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            skip = 4;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = skip; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw new ReadException(at(file, bytes, skip, i), "binary file (it contains NUL bytes), not a "
                            + "YAML or JSON manifest");
                }
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                (long) (bytes.length - skip) * (long) Math.ceil(decoder.maxCharsPerByte()) + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            throw new ReadException(at(file, bytes, skip, bad), String.format(
                    "not %s text: invalid byte 0x%02X at offset %d; save the file as UTF-8",
                    charset.name(), bytes[Math.min(bad, bytes.length - 1)] & 0xFF, bad));
        }
        out.flip();
        return out.toString();
    }

    /** Line and column (counting bytes) of a byte offset; good enough to find the spot in an editor. */
    private static Location at(String file, byte[] bytes, int from, int offset) {
        int line = 1;
        int lineStart = from;
        for (int i = from; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
