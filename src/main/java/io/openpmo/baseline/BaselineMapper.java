package io.openpmo.baseline;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Baselines and their milestones (statements in BaselineMapper.xml). */
@Mapper
interface BaselineMapper {

  long insert(Baseline baseline);

  int update(Baseline baseline);

  Optional<Baseline> findById(@Param("id") long id);

  Optional<Baseline> findDraft(@Param("projectId") long projectId);

  List<Baseline> findByProject(@Param("projectId") long projectId);

  Optional<Baseline> findInForceAt(@Param("projectId") long projectId, @Param("at") java.time.OffsetDateTime at);

  int nextVersion(@Param("projectId") long projectId);

  int setStatus(@Param("id") long id, @Param("status") String status,
      @Param("effectiveFrom") java.time.OffsetDateTime effectiveFrom);

  int supersedeInForce(@Param("projectId") long projectId, @Param("exceptId") long exceptId);

  void insertMilestone(Milestone milestone);

  int deleteMilestones(@Param("baselineId") long baselineId);

  List<Milestone> findMilestones(@Param("baselineId") long baselineId);

  int setCurrentBaseline(@Param("projectId") long projectId, @Param("baselineId") Long baselineId);
}
