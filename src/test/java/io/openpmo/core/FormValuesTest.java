package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** What a person reads when a form value has the wrong kind: words, never a Java class name. */
class FormValuesTest {

  @Test
  void aCheckboxAnsweredWithJsonDataIsNamedInWords() {
    assertThatThrownBy(() -> FormValues.flag(Spin.JSON("{\"a\": 1}"), "conflictOfInterest"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("conflictOfInterest")
        .hasMessageContaining("must be true or false (was JSON data)")
        .hasMessageNotContaining("Jackson");
  }

  @Test
  void otherKindsAreNamedToo() {
    assertThat(FormValues.kind("yes")).isEqualTo("text");
    assertThat(FormValues.kind(3)).isEqualTo("a number");
    assertThat(FormValues.kind(Map.of())).isEqualTo("an object");
    assertThat(FormValues.kind(List.of())).isEqualTo("a list");
    assertThat(FormValues.kind(new Object())).isEqualTo("a value of another kind");
    assertThat(FormValues.flag(Boolean.TRUE, "f")).isTrue();
  }
}
