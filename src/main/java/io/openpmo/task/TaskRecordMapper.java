package io.openpmo.task;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Task records (statements in TaskRecordMapper.xml). */
@Mapper
interface TaskRecordMapper {

  void insert(TaskRecord record);

  Optional<TaskRecord> findById(@Param("taskId") String taskId);

  List<String> taskIdsOfProject(@Param("projectId") long projectId);

  int describeReview(@Param("taskId") String taskId, @Param("subjectType") String subjectType,
      @Param("subjectId") long subjectId, @Param("round") int round, @Param("stage") String stage,
      @Param("groupId") String groupId);
}
