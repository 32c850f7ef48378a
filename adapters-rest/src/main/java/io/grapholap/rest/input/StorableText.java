package io.grapholap.rest.input;

import io.grapholap.domain.error.ValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for text that arrives from outside: it must be text the metadata database can store.
 * PostgreSQL refuses NUL (U+0000) in text, and an unpaired UTF-16 surrogate has no UTF-8 form, so
 * either one is refused at the edge with a 400 naming the field, before any use case sees it. The
 * query and path filter, the JSON parser and the text-body routes all apply this rule.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Throws a {@code VALIDATION_FAILED} naming {@code field} when {@code value} holds NUL or an unpaired surrogate. */
    public static void require(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new ValidationException(visible(field), "'" + visible(field) + "' " + problem
                    + "; text with NUL or unpaired surrogates cannot be stored");
        }
    }

    /**
     * {@code bytes} as text: well-formed UTF-8 without NUL, else a {@code VALIDATION_FAILED} naming
     * {@code field} (a lenient decoder would turn broken bytes into U+FFFD and store that instead).
     */
    public static String decodeUtf8(String field, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException(field, "'" + field + "' is not UTF-8 text: " + e.getMessage());
        }
        require(field, text);
        return text;
    }

    /** What is wrong with {@code value} (the first offending character and where), or null when nothing is. */
    static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return "contains NUL (U+0000) at position " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+" + String.format("%04X", (int) c) + ") at position " + i;
            }
        }
        return null;
    }

    /** {@code s} with NUL and unpaired surrogates written as U+XXXX, so a message can quote it. */
    static String visible(String s) {
        if (problem(s) == null) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                out.append("U+").append(String.format("%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
