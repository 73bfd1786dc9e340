package io.openpmo.strategy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The objectives catalogue and the links of projects to it (statements in ObjectiveMapper.xml). */
@Mapper
interface ObjectiveMapper {

  List<Objective> findAll(@Param("activeOnly") boolean activeOnly);

  Optional<Objective> findByCode(@Param("code") String code);

  List<Objective> findByCodes(@Param("codes") Collection<String> codes);

  void insert(Objective objective);

  int update(Objective objective);

  void link(@Param("projectId") long projectId, @Param("objectiveId") long objectiveId);

  int unlinkAll(@Param("projectId") long projectId);

  List<Objective> findForProject(@Param("projectId") long projectId);

  /** Every live project behind an objective, ordered by objective and project code. */
  List<ObjectiveCoverage.ProjectLine> coverage();
}
