package app.tamroi.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generated hostile input, from a seed so that any failure can be replayed: JSON text written by
 * hand, because what an attacker sends (lone surrogates, NULs, duplicate keys, invalid UTF-8) is
 * exactly what a JSON library refuses to write.
 */
public final class HostileInput {

    private final Random random;

    public HostileInput(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Characters that no text field may hold, or that are merely unusual, as JSON escapes or raw text. */
    static final List<String> FRAGMENTS = List.of(
            "\\u0000", "\\u0001", "\\u0007", "\\u001f", "\\u007f", "\\u0085", "\\u009f", "\\ud800", "\\udfff", "\\ud83d",
            "\\ud83d\\ude00", "\\ufeff", "\\u202e", "\\uffff", "\\n", "\\t", "\\r\\n", "ตามรอย", "ภาษีเงินได้", "%00", "%2e%2e%2f",
            "../../etc/passwd", "<script>alert(1)</script>", "'; drop table application; --", "\\\"", "\\\\", " ", "",
            "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "\u0e3f", "a".repeat(64), "a".repeat(65), "a".repeat(128), "a".repeat(129),
            "a".repeat(256), "a".repeat(257), "a".repeat(500), "a".repeat(501), "a".repeat(5000));

    /** A JSON string literal (with its quotes) mixing ordinary text and hostile fragments. */
    public String string() {
        StringBuilder s = new StringBuilder("\"");
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            s.append(chance(0.3) ? "x" + random.nextInt(1000) : oneOf(FRAGMENTS));
        }
        return s.append('"').toString();
    }

    /** A JSON value of any kind but a plain string: for fields that must be strings. */
    public String wrongKind() {
        return oneOf(List.of("0", "-0", "1e308", "1e-1500", "123456789012345678901234567890123456789012345", "true", "null",
                "[]", "{}", "[\"a\"]", "{\"a\":1}", "-1", "0.1"));
    }

    /** A JSON number, most of them out of any sane range. */
    public String number() {
        return oneOf(List.of("0", "1", "0.1", "0.12345", "1e-1500", "1e308", "-0", "-1", "2", "1.0000", "0.99999",
                "123456789012345678901234567890", "1E+2", "\"0.5\"", "\"abc\"", "null"));
    }

    /** An RFC 3339-ish time, often past what a date can be or Tamroi accepts. */
    public String time() {
        return "\"" + oneOf(List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
                "2026-12-31T23:59:60Z", "2026-11-16T09:00:00+18:00", "2026-11-16T09:00:00-18:00", "2026-11-16T09:00:00",
                "+10000-01-01T00:00:00Z", "2026-11-16", "yesterday", "2026-11-16T09:00:00+25:00", "", "2026-11-16T09:00:00.123456789Z",
                "2026-11-16T09:00:00Z\\u0000", "+1000000-01-01T00:00:00Z")) + "\"";
    }

    /** A duration as an agency writes it, many of them past what a promise may be. */
    public String duration() {
        return "\"" + oneOf(List.of("99999d", "999999d", "1000d", "1001d", "0d", "-1d", "1e3d", "24001h", "1440001m", "6d",
                "4h", "30m", "d", "", "1 d", "٣d", "6D", "\\u0000")) + "\"";
    }

    /** Nested arrays and objects, up to thousands deep. */
    public String deep() {
        int depth = oneOf(List.of(10, 33, 100, 1000, 5000));
        boolean arrays = chance(0.5);
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** The body as UTF-8, sometimes with bytes that are not UTF-8 at a random place. */
    public byte[] bytes(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        if (!chance(0.15)) {
            return utf8;
        }
        if (chance(0.2)) {
            return json.getBytes(StandardCharsets.UTF_16);
        }
        byte[][] invalid = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE0, (byte) 0xA0},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        int at = random.nextInt(utf8.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8, 0, at);
        out.writeBytes(oneOf(List.of(invalid)));
        out.write(utf8, at, utf8.length - at);
        return out.toByteArray();
    }
}
