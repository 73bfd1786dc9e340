package io.openpmo.project;

import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Projects in the domain database (statements in ProjectMapper.xml). */
@Mapper
public interface ProjectMapper {

  long nextCodeNumber();

  void insert(Project project);

  Optional<Project> findById(@Param("id") long id);

  Optional<Project> findByCode(@Param("code") String code);

  Optional<Project> findByIdForUpdate(@Param("id") long id);

  int updateStatus(@Param("id") long id, @Param("status") ProjectStatus status, @Param("phase") ProjectPhase phase,
      @Param("now") java.time.OffsetDateTime now);

  Optional<Project> findByIdempotencyKey(@Param("requester") String requester, @Param("key") String key);

  Optional<Project> findByExternalReference(@Param("requester") String requester,
      @Param("externalReference") String externalReference);

  /** Replaces the request fields (after a revision); identity, state and scores stay. */
  int updateRequest(Project project);

  int updateAssessment(@Param("id") long id, @Param("riskScore") int riskScore, @Param("riskTier") RiskTier riskTier,
      @Param("priorityScore") int priorityScore, @Param("priorityClass") PriorityClass priorityClass,
      @Param("now") java.time.OffsetDateTime now);

  int updateReworkRound(@Param("id") long id, @Param("reworkRound") int reworkRound,
      @Param("now") java.time.OffsetDateTime now);

  /** Records the G0 decision: status, phase and when it was decided. */
  int decide(@Param("id") long id, @Param("status") ProjectStatus status, @Param("phase") ProjectPhase phase,
      @Param("now") java.time.OffsetDateTime now);

  int setProjectManager(@Param("id") long id, @Param("projectManager") String projectManager,
      @Param("now") java.time.OffsetDateTime now);

  int setPmException(@Param("id") long id, @Param("grantedBy") String grantedBy);

  int setHealth(@Param("id") long id, @Param("health") Health health, @Param("now") java.time.OffsetDateTime now);

  int setMissedReports(@Param("id") long id, @Param("missedReports") int missedReports);

  java.util.List<Project> search(ProjectSearch search);

  long count(ProjectSearch search);

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId,
      @Param("now") java.time.OffsetDateTime now);
}
