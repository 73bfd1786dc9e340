package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.PostgresMapperTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditMapperTest extends PostgresMapperTest {

  @Autowired AuditMapper mapper;

  @Test
  void appendsAfterTheHeadAndPagesInOrder() {
    AuditMapper.ChainHead head = mapper.lockHead();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    long first = head.lastSeq() + 1;
    mapper.insert(new AuditEvent(first, now, "rita", "TEST", null, null, "{}", head.lastHash(), "h1"));
    mapper.insert(new AuditEvent(first + 1, now, "rita", "TEST", null, null, "{\"n\":2}", "h1", "h2"));
    mapper.moveHead(first + 1, "h2");

    assertThat(mapper.head()).isEqualTo(new AuditMapper.ChainHead(first + 1, "h2"));
    assertThat(mapper.findPage(head.lastSeq(), 10, null)).extracting(AuditEvent::seq).containsExactly(first, first + 1);
    assertThat(mapper.findPage(first, 10, null)).singleElement().satisfies(event -> {
      assertThat(event.details()).isEqualTo("{\"n\":2}");
      assertThat(event.occurredAt().toInstant()).isEqualTo(now.toInstant());
    });
  }
}
