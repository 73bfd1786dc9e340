package io.openpmo.gate;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Gate reviews and conditions (statements in GateMapper.xml). */
@Mapper
interface GateMapper {

  long insert(GateReview review);

  int nextAttempt(@Param("projectId") long projectId, @Param("gate") String gate);

  Optional<GateReview> findById(@Param("id") long id);

  List<GateReview> findByProject(@Param("projectId") long projectId);

  int setReviewers(@Param("id") long id, @Param("reviewerGroups") String reviewerGroups);

  int setChecklist(@Param("id") long id, @Param("checklist") String checklist);

  int decide(@Param("id") long id, @Param("outcome") String outcome,
      @Param("decidedAt") java.time.OffsetDateTime decidedAt);

  void insertCondition(GateCondition condition);

  Optional<GateCondition> findCondition(@Param("id") long id);

  List<GateCondition> findConditions(@Param("projectId") long projectId);

  int closeCondition(@Param("id") long id, @Param("status") String status, @Param("closedBy") String closedBy,
      @Param("closedAt") java.time.OffsetDateTime closedAt, @Param("note") String note);
}
