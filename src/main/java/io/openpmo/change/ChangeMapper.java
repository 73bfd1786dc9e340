package io.openpmo.change;

import io.openpmo.project.ChangeStatus;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Change requests (statements in ChangeMapper.xml). */
@Mapper
interface ChangeMapper {

  long insert(ChangeRequest change);

  /** The next number of the project's change requests (its code is {@code <project>-CR<n>}). */
  int nextCodeNumber(@Param("projectId") long projectId);

  Optional<ChangeRequest> findById(@Param("id") long id);

  List<ChangeRequest> findByProject(@Param("projectId") long projectId);

  int updateImpact(ChangeRequest change);

  int setStatus(@Param("id") long id, @Param("status") ChangeStatus status, @Param("now") java.time.OffsetDateTime now);

  int setClassification(@Param("id") long id, @Param("changeClass") String changeClass,
      @Param("approverGroups") String approverGroups, @Param("now") java.time.OffsetDateTime now);

  int setReapprovalRequired(@Param("id") long id, @Param("required") boolean required);

  int setReapprovalGroups(@Param("id") long id, @Param("groups") String groups);

  int decide(@Param("id") long id, @Param("status") ChangeStatus status, @Param("now") java.time.OffsetDateTime now);

  int setBaselines(@Param("id") long id, @Param("before") Long before, @Param("after") Long after);

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);
}
