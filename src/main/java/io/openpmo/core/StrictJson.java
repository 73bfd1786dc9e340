package io.openpmo.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict reading of JSON request bodies: a value is taken only in the shape its field declares, never
 * guessed. Jackson's defaults would store {@code "projectType": 1} as the enum's second constant,
 * {@code "startDate": 20270101} as a day count (year 57467), {@code "title": {"a": 1}} or {@code 42} as
 * text, {@code "personalData": "yes"} as a boolean and {@code 2.7} as the whole number 2. Here each of
 * these is a 400 naming the field; so are duplicate keys and anything after the JSON value.
 */
@Configuration
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonBinding() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
            DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
            DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
            MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .postConfigurer(StrictJson::strict);
  }

  /**
   * Text as Jackson reads it, without the NUL character: PostgreSQL cannot store it in a text column, and no
   * person types it. Refused naming the field, like any other bad value.
   */
  static final class NoNulText extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, com.fasterxml.jackson.databind.DeserializationContext context)
        throws java.io.IOException {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        return (String) context.handleWeirdStringValue(String.class, "\\u0000",
            "text must not contain the NUL character (\\u0000)");
      }
      return text;
    }
  }

  /** The coercions that features do not cover, and dates only as ISO text. */
  static void strict(ObjectMapper mapper) {
    // no number, boolean, object or array read as text
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Object, CoercionAction.Fail);
    // no text or number read as true/false; no empty text read as null for anything
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    // java.time: "2027-01-01" only; never a day count or a timestamp, and no 30 February
    mapper.setDefaultLeniency(false);
    // a named module: an unnamed one would be dropped as a duplicate of another unnamed module
    mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("openpmo-strict-text")
        .addDeserializer(String.class, new NoNulText()));
  }
}
