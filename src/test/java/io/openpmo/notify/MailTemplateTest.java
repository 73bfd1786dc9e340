package io.openpmo.notify;

import static io.openpmo.notify.MailTemplate.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small template the features' notices are written in. */
class MailTemplateTest {

  private static final MailTemplate CLOSED = new MailTemplate("{code} closed: {title}",
      "{code} \"{title}\" is closed ({reason}).\nCost: {cost}");

  @Test
  void fillsEveryPlaceholderOfSubjectAndBody() {
    Notifier.Message message = CLOSED.toUsers(List.of("sponsor", "requester"),
        values("code", "PRJ-2026-0001", "title", "Robot", "reason", "delivered", "cost", new java.math.BigDecimal("12.50")));

    assertThat(message.users()).containsExactly("sponsor", "requester");
    assertThat(message.groups()).isEmpty();
    assertThat(message.subject()).isEqualTo("PRJ-2026-0001 closed: Robot");
    assertThat(message.body()).isEqualTo("PRJ-2026-0001 \"Robot\" is closed (delivered).\nCost: 12.50");
  }

  @Test
  void writesValuesAsTheyAreInOnePass() {
    // a title that looks like a placeholder or a regex replacement stays as it is; null is written like "" + null
    String text = MailTemplate.fill("{title} / {reason}", values("title", "{reason} costs $1 \\ more", "reason", null));

    assertThat(text).isEqualTo("{reason} costs $1 \\ more / null");
  }

  @Test
  void leavesTextWithoutPlaceholdersAlone() {
    assertThat(MailTemplate.fill("Deviations: /api/v1/portfolio-plans/deviations {}", values()))
        .isEqualTo("Deviations: /api/v1/portfolio-plans/deviations {}");
  }

  @Test
  void addressesGroupsAndUsersAndGroups() {
    Notifier.Message toGroups = CLOSED.toGroups(List.of("pmo"), values("code", "C", "title", "T", "reason", "r",
        "cost", 1));
    Notifier.Message toBoth = CLOSED.to(List.of("anna"), List.of("pmo"), values("code", "C", "title", "T",
        "reason", "r", "cost", 1));

    assertThat(toGroups.users()).isEmpty();
    assertThat(toGroups.groups()).containsExactly("pmo");
    assertThat(toBoth.users()).containsExactly("anna");
    assertThat(toBoth.groups()).containsExactly("pmo");
  }

  @Test
  void aPlaceholderWithoutAValueIsAnError() {
    assertThatThrownBy(() -> CLOSED.toUsers(List.of("sponsor"), values("code", "C", "title", "T")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{reason}");
    assertThatThrownBy(() -> values("code")).isInstanceOf(IllegalArgumentException.class);
  }
}
