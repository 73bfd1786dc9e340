package io.openpmo.status;

import io.openpmo.project.Health;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Status reports, milestone updates and the risk and issue register (statements in StatusMapper.xml). */
@Mapper
interface StatusMapper {

  long insertReport(StatusReport report);

  Optional<StatusReport> findReport(@Param("id") long id);

  List<StatusReport> findReports(@Param("projectId") long projectId);

  int setHealth(@Param("id") long id, @Param("health") Health health);

  void insertMilestoneUpdate(MilestoneUpdate update);

  List<MilestoneUpdate> findMilestoneUpdates(@Param("statusReportId") long statusReportId);

  long insertRiskIssue(RiskIssue entry);

  int updateRiskIssue(RiskIssue entry);

  Optional<RiskIssue> findRiskIssue(@Param("id") long id);

  List<RiskIssue> findRegister(@Param("projectId") long projectId, @Param("kind") String kind);

  int countOpen(@Param("projectId") long projectId, @Param("kind") String kind,
      @Param("severities") List<String> severities);
}
