package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.PostgresMapperTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditMapperTest extends PostgresMapperTest {

  @Autowired AuditMapper mapper;

  @Test
  void writesEventsWithIdsFromTheDatabaseAndListsOnlySealedOnesInLogOrder() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    long first = mapper.insert(new AuditMapper.NewEvent(now, "rita", "TEST", null, null, "{}"));
    long second = mapper.insert(new AuditMapper.NewEvent(now, "rita", "TEST", 7L, "PRJ-7", "{\"n\":2}"));
    mapper.enqueue(first);
    mapper.enqueue(second);
    assertThat(second).isGreaterThan(first);
    assertThat(mapper.findPending(1000)).extracting(AuditEvent::id).containsSubsequence(first, second);

    long size = mapper.treeSize();
    mapper.insertLeaves(List.of(new AuditMapper.Leaf(size + 1, second, now), new AuditMapper.Leaf(size + 2, first, now)));
    mapper.dequeue(List.of(first, second));
    assertThat(mapper.findPending(1000)).extracting(AuditEvent::id).doesNotContain(first, second);
    assertThat(mapper.findSealed(size, 10, null, null)).extracting(AuditEvent::id).containsExactly(second, first);
    assertThat(mapper.findSealed(size, 10, 7L, null)).singleElement().satisfies(event -> {
      assertThat(event.seq()).isEqualTo(size + 1);
      assertThat(event.details()).isEqualTo("{\"n\":2}");
      assertThat(event.occurredAt().toInstant()).isEqualTo(now.toInstant());
    });
    assertThat(mapper.findSealed(size, 10, null, size + 1)).hasSize(1);
  }
}
