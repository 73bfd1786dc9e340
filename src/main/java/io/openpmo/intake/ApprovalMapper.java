package io.openpmo.intake;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The approvals a project needs (statements in ApprovalMapper.xml). */
@Mapper
interface ApprovalMapper {

  void deleteFor(@Param("projectId") long projectId);

  void insert(@Param("projectId") long projectId, @Param("groupId") String groupId, @Param("stage") String stage,
      @Param("ordinal") int ordinal);

  List<RequiredApproval> findFor(@Param("projectId") long projectId);
}
