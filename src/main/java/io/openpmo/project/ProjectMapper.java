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

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId,
      @Param("now") java.time.OffsetDateTime now);
}
