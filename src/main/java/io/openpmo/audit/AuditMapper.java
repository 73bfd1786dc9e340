package io.openpmo.audit;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The audit trail table and the head of its hash chain (statements in AuditMapper.xml). */
@Mapper
interface AuditMapper {

  /** Locks the chain head until the transaction ends: appends are serialised. */
  ChainHead lockHead();

  void insert(AuditEvent event);

  void moveHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash);

  List<AuditEvent> findByProject(@Param("projectId") long projectId);

  List<AuditEvent> findPage(@Param("afterSeq") long afterSeq, @Param("limit") int limit,
      @Param("projectId") Long projectId);

  ChainHead head();

  record ChainHead(Long lastSeq, String lastHash) {
  }
}
