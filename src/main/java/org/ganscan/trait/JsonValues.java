package org.ganscan.trait;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small JSON files the scan starts from (the score model, the texture probe) into plain
 * values with Jackson's streaming parser: objects as ordered maps, arrays as lists, whole numbers
 * as Integer or Long, others as Double, as Jackson's object mapper would give them, without the
 * mapper's start-up (its bean introspection cost a one-file scan about 0.1 s).
 */
public final class JsonValues {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonValues() {}

  /** The document's top-level object. */
  public static Map<String, Object> object(byte[] json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) value(p);
      if (p.nextToken() != null) {
        throw new IOException("unexpected content after the JSON object");
      }
      return out;
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + t);
    }
  }

  /** A required string field. */
  public static String string(Map<String, Object> m, String key) throws IOException {
    Object v = m.get(key);
    if (!(v instanceof String s)) {
      throw new IOException("\"" + key + "\" must be a string");
    }
    return s;
  }

  /** A required number field. */
  public static double number(Map<String, Object> m, String key) throws IOException {
    Object v = m.get(key);
    if (!(v instanceof Number n)) {
      throw new IOException("\"" + key + "\" must be a number");
    }
    return n.doubleValue();
  }

  /** A required array of numbers. */
  public static double[] numbers(Map<String, Object> m, String key) throws IOException {
    if (!(m.get(key) instanceof List<?> l)) {
      throw new IOException("\"" + key + "\" must be an array of numbers");
    }
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Number n)) {
        throw new IOException("\"" + key + "\" must be an array of numbers");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  /** A required array of strings. */
  public static List<String> strings(Map<String, Object> m, String key) throws IOException {
    if (!(m.get(key) instanceof List<?> l)) {
      throw new IOException("\"" + key + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      if (!(o instanceof String s)) {
        throw new IOException("\"" + key + "\" must be an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  /** An optional object field (null when absent or null). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> objectOrNull(Map<String, Object> m, String key) throws IOException {
    Object v = m.get(key);
    if (v != null && !(v instanceof Map)) {
      throw new IOException("\"" + key + "\" must be an object");
    }
    return (Map<String, Object>) v;
  }

  /** Refuses a key outside {@code known}. */
  public static void onlyKeys(Map<String, Object> m, List<String> known) throws IOException {
    for (String k : m.keySet()) {
      if (!known.contains(k)) {
        throw new IOException("unrecognised field \"" + k + "\"");
      }
    }
  }
}
