package io.openpmo.deputy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Deputyships and what deputies did (statements in DeputyMapper.xml). */
@Mapper
interface DeputyMapper {

  /** A new deputyship; the database gives its id. */
  final class NewDeputyship {
    public Long id;
    public final Deputyship row;

    NewDeputyship(Deputyship row) {
      this.row = row;
    }

    public void setId(Long id) {
      this.id = id;
    }
  }

  void insert(NewDeputyship deputyship);

  Optional<Deputyship> findById(@Param("id") long id);

  /** Deputyships whose period touches [from, to], not ended, where the person is principal or deputy. */
  List<Deputyship> overlapping(@Param("person") String person, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  /** Not ended, period containing the day. */
  List<Deputyship> activeAsDeputy(@Param("deputy") String deputy, @Param("day") LocalDate day);

  List<Deputyship> activeForPrincipal(@Param("principal") String principal, @Param("day") LocalDate day);

  /** Every deputyship of the person as deputy, newest first (to explain a refusal). */
  List<Deputyship> asDeputy(@Param("deputy") String deputy);

  List<Deputyship> search(@Param("person") String person, @Param("since") LocalDate since);

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int end(@Param("id") long id, @Param("endedAt") OffsetDateTime endedAt, @Param("endedBy") String endedBy);

  void insertAction(@Param("taskId") String taskId, @Param("deputyshipId") long deputyshipId,
      @Param("deputy") String deputy, @Param("actingFor") String actingFor, @Param("projectId") Long projectId,
      @Param("taskName") String taskName, @Param("completedAt") OffsetDateTime completedAt);

  List<DeputyAction> actionsOnProject(@Param("projectId") long projectId);
}
