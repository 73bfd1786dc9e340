package io.openpmo.audit.verify;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small streaming JSON reader (RFC 8259), so that the offline verifier needs nothing but the JDK and
 * reads an export of any size one event at a time. Objects become {@code Map<String, Object>}, arrays
 * {@code List<Object>}, numbers {@code Long} or {@code BigDecimal}, {@code null} is {@code null}.
 */
final class JsonReader {

  private final Reader in;
  private int peeked = -2;
  private long position;
  private final Deque<Boolean> needComma = new ArrayDeque<>();

  JsonReader(Reader in) {
    this.in = in;
  }

  void beginObject() throws IOException {
    expect('{');
    needComma.push(false);
  }

  /** The next member name of the current object, or null (and the object is closed) at its end. */
  String nextName() throws IOException {
    if (skipWhitespace() == '}') {
      read();
      needComma.pop();
      return null;
    }
    separator();
    if (skipWhitespace() != '"') {
      throw error("a member name");
    }
    String name = readString();
    expect(':');
    return name;
  }

  void beginArray() throws IOException {
    expect('[');
    needComma.push(false);
  }

  /** Whether the current array has another element (false closes the array). */
  boolean nextElement() throws IOException {
    if (skipWhitespace() == ']') {
      read();
      needComma.pop();
      return false;
    }
    separator();
    return true;
  }

  /** Reads one whole value. */
  Object readValue() throws IOException {
    int c = skipWhitespace();
    switch (c) {
      case '{' -> {
        read();
        Map<String, Object> object = new LinkedHashMap<>();
        if (skipWhitespace() == '}') {
          read();
          return object;
        }
        do {
          if (skipWhitespace() != '"') {
            throw error("a member name");
          }
          String name = readString();
          expect(':');
          object.put(name, readValue());
        } while (comma('}'));
        return object;
      }
      case '[' -> {
        read();
        List<Object> array = new ArrayList<>();
        if (skipWhitespace() == ']') {
          read();
          return array;
        }
        do {
          array.add(readValue());
        } while (comma(']'));
        return array;
      }
      case '"' -> {
        return readString();
      }
      case 't' -> {
        literal("true");
        return Boolean.TRUE;
      }
      case 'f' -> {
        literal("false");
        return Boolean.FALSE;
      }
      case 'n' -> {
        literal("null");
        return null;
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("a value");
      }
    }
  }

  /** After the last value: only whitespace may follow. */
  void end() throws IOException {
    if (skipWhitespace() != -1) {
      throw error("the end of the document");
    }
  }

  private void separator() throws IOException {
    if (needComma.peek()) {
      expect(',');
    } else {
      needComma.pop();
      needComma.push(true);
    }
  }

  /** After an element: true on a comma, false on the closing bracket. */
  private boolean comma(char close) throws IOException {
    int c = skipWhitespace();
    read();
    if (c == ',') {
      return true;
    }
    if (c == close) {
      return false;
    }
    throw error("',' or '" + close + "'");
  }

  private String readString() throws IOException {
    expect('"');
    StringBuilder text = new StringBuilder();
    while (true) {
      int c = read();
      if (c == -1) {
        throw error("the end of a string");
      }
      if (c == '"') {
        return text.toString();
      }
      if (c < 0x20) {
        throw error("an escaped control character");
      }
      if (c != '\\') {
        text.append((char) c);
        continue;
      }
      int e = read();
      switch (e) {
        case '"' -> text.append('"');
        case '\\' -> text.append('\\');
        case '/' -> text.append('/');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(read(), 16);
            if (digit < 0) {
              throw error("four hex digits");
            }
            code = code * 16 + digit;
          }
          text.append((char) code);
        }
        default -> throw error("an escape sequence");
      }
    }
  }

  private Object readNumber() throws IOException {
    StringBuilder number = new StringBuilder();
    int c = peek();
    while (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')) {
      number.append((char) read());
      c = peek();
    }
    String text = number.toString();
    try {
      if (text.matches("-?(0|[1-9][0-9]*)")) {
        return Long.parseLong(text);
      }
      if (text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        return new BigDecimal(text);
      }
    } catch (NumberFormatException e) {
      // too large: reported below
    }
    throw error("a number (was " + text + ")");
  }

  private void literal(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      if (read() != word.charAt(i)) {
        throw error("'" + word + "'");
      }
    }
  }

  private void expect(char wanted) throws IOException {
    if (skipWhitespace() != wanted) {
      throw error("'" + wanted + "'");
    }
    read();
  }

  private int skipWhitespace() throws IOException {
    int c = peek();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      read();
      c = peek();
    }
    return c;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }

  private int read() throws IOException {
    int c = peek();
    peeked = -2;
    if (c != -1) {
      position++;
    }
    return c;
  }

  private IOException error(String expected) throws IOException {
    int c = peek();
    return new IOException("Not valid JSON at character " + position + ": expected " + expected + " but found "
        + (c == -1 ? "the end" : "'" + (char) c + "'"));
  }
}
