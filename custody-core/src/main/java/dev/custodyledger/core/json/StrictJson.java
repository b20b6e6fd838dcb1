package dev.custodyledger.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON reader for signed material: UTF-8 only, duplicate keys refused, no trailing data, bounded
 * nesting, string and number sizes.
 */
public final class StrictJson {
    public static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = build();

    private StrictJson() {}

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(1 << 20)
                        .maxNumberLength(40)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        factory.disable(JsonParser.Feature.ALLOW_COMMENTS);
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(false));
    }

    /** Parses one JSON value; every syntax or limit violation is a {@link JsonFormatException}. */
    public static JsonNode parse(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new JsonFormatException("empty body");
        }
        requireWellFormedUtf8(utf8);
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new JsonFormatException("empty body");
            }
            requireWholeCharacters(node);
            return node;
        } catch (IOException e) {
            throw new JsonFormatException("not valid JSON: " + shortMessage(e));
        }
    }

    /**
     * Jackson lets overlong forms and encoded surrogates through; RFC 3629 (and so RFC 8259 and 8785) does not.
     * ASCII, nearly every byte of an envelope, is skipped without decoding.
     */
    private static void requireWellFormedUtf8(byte[] utf8) {
        for (byte b : utf8) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(utf8));
                } catch (CharacterCodingException e) {
                    throw new JsonFormatException("not valid JSON: the body is not well-formed UTF-8");
                }
                return;
            }
        }
    }

    /** A {@code \\uD800} escape without its pair decodes to no character at all: refused, as I-JSON says. */
    private static void requireWholeCharacters(JsonNode node) {
        if (node.isTextual()) {
            requireWholeCharacters(node.textValue());
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            requireWholeCharacters(field.getKey());
            requireWholeCharacters(field.getValue());
        }
        if (node.isArray()) {
            node.forEach(StrictJson::requireWholeCharacters);
        }
    }

    private static void requireWholeCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsonFormatException("not valid JSON: a string holds a lone surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ")");
            }
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String shortMessage(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
