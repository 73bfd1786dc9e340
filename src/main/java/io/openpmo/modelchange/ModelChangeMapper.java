package io.openpmo.modelchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Model changes, their files and check results, the versions in force (statements in ModelChangeMapper.xml). */
@Mapper
interface ModelChangeMapper {

  long insert(ModelChange change);

  Optional<ModelChange> findById(@Param("id") long id);

  Optional<ModelChange> findByProcessInstance(@Param("processInstanceId") String processInstanceId);

  List<ModelChange> search(@Param("status") String status, @Param("limit") int limit);

  int setStatus(@Param("id") long id, @Param("status") String status);

  int started(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int setSimulation(@Param("id") long id, @Param("simulation") String simulation);

  int decided(@Param("id") long id, @Param("status") String status, @Param("decidedBy") String decidedBy,
      @Param("decidedAt") OffsetDateTime decidedAt, @Param("comment") String comment);

  int deployed(@Param("id") long id, @Param("deploymentId") String deploymentId,
      @Param("deployedAt") OffsetDateTime deployedAt);

  void insertFile(ModelChangeFile file);

  List<ModelChangeFile> findFiles(@Param("modelChangeId") long modelChangeId);

  void insertCheck(@Param("modelChangeId") long modelChangeId, @Param("problem") CheckProblem problem);

  List<CheckProblem> findChecks(@Param("modelChangeId") long modelChangeId);

  // versions in force

  long insertVersion(ModelVersion version);

  int closeVersion(@Param("id") long id, @Param("until") OffsetDateTime until);

  List<ModelVersion> currentVersions();

  List<ModelVersion> versionsOf(@Param("fileName") String fileName);

  List<ModelVersion> versionsByChange(@Param("modelChangeId") long modelChangeId);

  List<ModelVersion> currentVersionsInDeployment(@Param("deploymentId") String deploymentId);

  List<ModelVersion> versionsInDeployment(@Param("deploymentId") String deploymentId);

  // shipped

  record Shipped(String fileName, String sha256, String versionTag, OffsetDateTime seenAt) {
  }

  List<Shipped> shipped();

  int updateShipped(Shipped shipped);

  void insertShipped(Shipped shipped);
}
