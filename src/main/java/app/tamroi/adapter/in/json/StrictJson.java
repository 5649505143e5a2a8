package app.tamroi.adapter.in.json;

import app.tamroi.usecase.Limits;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads what senders write (events over HTTP and Kafka, timelines) as JSON that means one thing:
 * UTF-8 only, with overlong and surrogate encodings refused rather than repaired; a key given twice
 * refused rather than the last one silently winning; nesting, numbers and texts bounded, so that no
 * body costs more to read than its size suggests and every number stored reads back.
 */
@ApplicationScoped
public class StrictJson {

    /** The body is not JSON Tamroi accepts; the message says why, in words a sender can act on. */
    public static final class UnreadableJson extends RuntimeException {
        UnreadableJson(String detail) {
            super(detail, null, false, false);
        }
    }

    private final ObjectMapper mapper;

    public StrictJson(ObjectMapper base, Limits limits) {
        Limits.Body body = limits.body();
        this.mapper = base.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(body.maxJsonDepth())
                .maxNumberLength(body.maxJsonNumberLength())
                .maxStringLength(body.maxBytes())
                .build());
    }

    public JsonNode tree(byte[] body) {
        String text = utf8(body);
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableJson(brief(e.getOriginalMessage()));
        }
    }

    public <T> T read(byte[] body, Class<T> type) {
        String text = utf8(body);
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableJson(brief(e.getOriginalMessage()) + location(e));
        }
    }

    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UnreadableJson("the body is not UTF-8: the bytes at offset " + in.position()
                    + " are not a valid UTF-8 sequence (send JSON encoded as UTF-8)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** A parser message may quote the input: a bounded excerpt is enough to find the fault. */
    static String brief(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
