package io.openpmo.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collection;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * JSON values of forms: lists such as dynamic lists and checklists arrive from Tasklist as Json variables
 * (Spin), from REST clients as Json, Object or text. One way to read them and one way to write them so
 * that Tasklist's Camunda Forms show them.
 */
public final class FormJson {

  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .build();

  /** A value Tasklist hands to the form as a parsed JSON array or object. */
  public static TypedValue of(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Reads a form value into the given type; null stays null. */
  public static <T> T read(Object value, TypeReference<T> type, String field) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Collection<?> || value instanceof java.util.Map<?, ?>) {
        return JSON.convertValue(value, type);
      }
      String text = value.toString();
      return text.isBlank() ? null : JSON.readValue(text, type);
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new InvalidRequestException(field, "is not in the expected form: " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int end = message.indexOf('\n');
    return end > 0 ? message.substring(0, end) : message;
  }

  private FormJson() {
  }
}
