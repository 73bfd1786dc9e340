package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The strict reading on its own, without the application. */
class StrictJsonTest {

  record Named(String name) {
  }

  ObjectMapper mapper() {
    Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
    new StrictJson().strictJsonBinding().customize(builder);
    return builder.build();
  }

  @Test
  void aNulCharacterInTextIsRefused() {
    assertThatThrownBy(() -> mapper().readValue("{\"name\": \"a\\u0000b\"}", Named.class))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("NUL");
  }
}
