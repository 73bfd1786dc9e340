package io.openpmo.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A repeated sending is recognisable by its Message-ID; different sendings are not confused. Unit test. */
class NotifierMessageIdTest {

  static final Notifier.Message APPROVED = Notifier.Message.toUsers(List.of("rita", "sam"),
      "PRJ-2026-0001 approved: Reconciliation", "Your request was approved.");
  static final Set<String> TO = new LinkedHashSet<>(List.of("rita@bank.example", "sam@bank.example"));

  @Test
  void theSameJobSendingTheSameMessageAgainGivesTheSameMessageId() {
    String first = Notifier.messageId("job-1", APPROVED, TO);
    assertThat(Notifier.messageId("job-1", APPROVED, TO)).isEqualTo(first);
    assertThat(first).matches("<[0-9a-f]{32}@openpmo>");
  }

  @Test
  void anotherJobOrAnotherMessageOrOtherRecipientsGiveAnotherMessageId() {
    String first = Notifier.messageId("job-1", APPROVED, TO);
    assertThat(Notifier.messageId("job-2", APPROVED, TO)).isNotEqualTo(first);
    assertThat(Notifier.messageId("job-1", Notifier.Message.toUsers(List.of("rita"), APPROVED.subject(), "Other"),
        TO)).isNotEqualTo(first);
    assertThat(Notifier.messageId("job-1", APPROVED, Set.of("rita@bank.example"))).isNotEqualTo(first);
  }

  @Test
  void theMessageKeepsTheIdItWasGivenWhenItIsSent() throws Exception {
    Notifier.IdentifiedMessage mail = new Notifier.IdentifiedMessage("<abc@openpmo>");
    mail.setText("body");
    mail.saveChanges();
    assertThat(mail.getMessageID()).isEqualTo("<abc@openpmo>");
  }
}
