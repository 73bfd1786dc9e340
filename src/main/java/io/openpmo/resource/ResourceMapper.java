package io.openpmo.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Resources, allocations and capacity conflicts (statements in ResourceMapper.xml). */
@Mapper
interface ResourceMapper {

  List<Resource> findAll(@Param("activeOnly") boolean activeOnly);

  Optional<Resource> findById(@Param("id") long id);

  Optional<Resource> findByUserId(@Param("userId") String userId);

  /** Inserts and answers the new id. */
  long insert(Resource resource);

  int update(Resource resource);

  void insertAllocation(Allocation allocation);

  List<Allocation> findAllocations(@Param("baselineId") long baselineId);

  int deleteAllocations(@Param("baselineId") long baselineId);

  /** FTE of a resource in a month taken by the plans in force of other projects. */
  BigDecimal allocatedElsewhere(@Param("resourceId") long resourceId, @Param("monthStart") LocalDate monthStart,
      @Param("projectId") long projectId);

  /** FTE of a role's pool in a month taken by the plans in force of other projects (named or not). */
  BigDecimal roleAllocatedElsewhere(@Param("role") String role, @Param("monthStart") LocalDate monthStart,
      @Param("projectId") long projectId);

  BigDecimal roleCapacity(@Param("role") String role);

  void insertConflict(CapacityConflict conflict);

  List<CapacityConflict> findConflicts(@Param("baselineId") long baselineId);

  int resolveOpenConflicts(@Param("baselineId") long baselineId, @Param("resolution") String resolution,
      @Param("resolvedBy") String resolvedBy, @Param("resolvedAt") java.time.OffsetDateTime resolvedAt,
      @Param("note") String note, @Param("resourceId") Long resourceId);

  int deleteOpenConflicts(@Param("baselineId") long baselineId);

  List<Utilisation> utilisation(@Param("from") LocalDate from, @Param("to") LocalDate to);
}
