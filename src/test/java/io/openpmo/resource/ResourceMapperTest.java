package io.openpmo.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The resource pool's statements on PostgreSQL: people, their capacity, and what a role can give. */
class ResourceMapperTest extends PostgresMapperTest {

  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

  @Autowired ResourceMapper mapper;

  static Resource person(String userId, String role, String fte, boolean active) {
    return new Resource(null, userId, "Person " + userId, role, Qualification.SENIOR, new BigDecimal(fte), active,
        NOW, NOW);
  }

  @Test
  void insertsAPersonAndFindsThemByIdAndUser() {
    long id = mapper.insert(person("mapperAnna", "testArchitect", "1.0", true));

    Resource read = mapper.findById(id).orElseThrow();
    assertThat(read.userId()).isEqualTo("mapperAnna");
    assertThat(read.role()).isEqualTo("testArchitect");
    assertThat(read.qualification()).isEqualTo(Qualification.SENIOR);
    assertThat(read.monthlyCapacityFte()).isEqualByComparingTo("1.0");
    assertThat(mapper.findByUserId("mapperAnna")).map(Resource::id).contains(id);
    assertThat(mapper.findByUserId("nobodyHere")).isEmpty();
  }

  @Test
  void anUpdateChangesRoleCapacityAndActivity() {
    long id = mapper.insert(person("mapperBen", "testAnalyst", "1.0", true));
    Resource read = mapper.findById(id).orElseThrow();

    assertThat(mapper.update(new Resource(id, read.userId(), read.name(), "testArchitect", Qualification.EXPERT,
        new BigDecimal("0.5"), false, read.createdAt(), NOW))).isOne();

    Resource updated = mapper.findById(id).orElseThrow();
    assertThat(updated.role()).isEqualTo("testArchitect");
    assertThat(updated.qualification()).isEqualTo(Qualification.EXPERT);
    assertThat(updated.monthlyCapacityFte()).isEqualByComparingTo("0.5");
    assertThat(updated.active()).isFalse();
    assertThat(mapper.findAll(true)).extracting(Resource::id).doesNotContain(id);
    assertThat(mapper.findAll(false)).extracting(Resource::id).contains(id);
  }

  @Test
  void aRoleGivesTheCapacityOfItsActiveMembersOnly() {
    mapper.insert(person("mapperCara", "testTester", "1.0", true));
    mapper.insert(person("mapperDan", "testTester", "0.5", true));
    mapper.insert(person("mapperEve", "testTester", "1.0", false));

    assertThat(mapper.roleCapacity("testTester")).isEqualByComparingTo("1.5");
    assertThat(mapper.roleCapacity("testNoSuchRole")).isEqualByComparingTo("0");
  }

  @Test
  void onePersonHasOneEntry() {
    mapper.insert(person("mapperFay", "testArchitect", "1.0", true));

    assertThatThrownBy(() -> mapper.insert(person("mapperFay", "testAnalyst", "1.0", true)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aMonthlyCapacityAboveOneAndAHalfFteIsRefused() {
    assertThatThrownBy(() -> mapper.insert(person("mapperGus", "testAnalyst", "2.0", true)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
