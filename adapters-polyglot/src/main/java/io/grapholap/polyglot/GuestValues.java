package io.grapholap.polyglot;

import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Copies a guest value out of its context into plain Java values (null, Boolean, Integer, Long,
 * Double, BigInteger, String, List, Map with String keys), charging each value's approximate JSON
 * size against a budget: a result over the output limit fails as soon as the budget runs out, before
 * it is copied whole. Nesting deeper than {@value #MAX_DEPTH} (or a cycle) is refused.
 */
final class GuestValues {

    static final int MAX_DEPTH = 64;

    private final long maxBytes;
    private final boolean objectsAsMaps;
    private long used;

    /**
     * @param objectsAsMaps whether objects with members (JavaScript objects) become maps; Python
     *                      objects other than dicts, lists, tuples and sets are refused instead
     */
    GuestValues(long maxBytes, boolean objectsAsMaps) {
        this.maxBytes = maxBytes;
        this.objectsAsMaps = objectsAsMaps;
    }

    Object convert(Value v) {
        return convert(v, 0);
    }

    private Object convert(Value v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ValidationException("output", "the result nests deeper than " + MAX_DEPTH + " levels (or refers to itself)");
        }
        if (v == null || v.isNull()) {
            charge(4);
            return null;
        }
        if (v.isBoolean()) {
            charge(5);
            return v.asBoolean();
        }
        if (v.isString()) {
            String s = v.asString();
            charge(s.length() + 2L);
            return s;
        }
        if (v.isNumber()) {
            charge(8);
            if (v.fitsInInt()) {
                return v.asInt();
            }
            if (v.fitsInLong()) {
                return v.asLong();
            }
            if (v.fitsInBigInteger() && !v.fitsInDouble()) {
                return v.asBigInteger();
            }
            return v.asDouble();
        }
        if (v.canExecute() || v.isMetaObject()) {
            throw refused(v, "a function or class");
        }
        if (v.hasArrayElements()) {
            long size = v.getArraySize();
            charge(2 + size);
            List<Object> list = new ArrayList<>((int) Math.min(size, 1024));
            for (long i = 0; i < size; i++) {
                list.add(convert(v.getArrayElement(i), depth + 1));
            }
            return list;
        }
        if (v.hasHashEntries()) {
            charge(2 + v.getHashSize());
            Map<String, Object> map = new LinkedHashMap<>();
            Value keys = v.getHashKeysIterator();
            while (keys.hasIteratorNextElement()) {
                Value key = keys.getIteratorNextElement();
                String name = key.isString() ? key.asString() : key.toString();
                charge(name.length() + 4L);
                map.put(name, convert(v.getHashValue(key), depth + 1));
            }
            return map;
        }
        if (v.hasIterator() && !v.hasMembers() || v.hasIterator() && !objectsAsMaps) {
            List<Object> list = new ArrayList<>();
            Value it = v.getIterator();
            charge(2);
            while (it.hasIteratorNextElement()) {
                charge(1);
                list.add(convert(it.getIteratorNextElement(), depth + 1));
            }
            return list;
        }
        if (objectsAsMaps && v.hasMembers() && !v.isHostObject() && !v.isProxyObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            charge(2);
            for (String key : v.getMemberKeys()) {
                charge(key.length() + 4L);
                map.put(key, convert(v.getMember(key), depth + 1));
            }
            return map;
        }
        throw refused(v, "this kind of value");
    }

    private void charge(long bytes) {
        used += bytes;
        if (used > maxBytes) {
            throw new ValidationException("output", "the function's result is larger than the output limit of "
                    + maxBytes + " bytes");
        }
    }

    private static ValidationException refused(Value v, String what) {
        String type = v.getMetaObject() == null ? "unknown" : v.getMetaObject().getMetaSimpleName();
        return new ValidationException("output", "a function cannot return " + what + " (" + type
                + "); return null, booleans, numbers, strings, lists, objects/dicts or a graph");
    }
}
