package io.openpmo.review;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Review decisions (statements in ReviewMapper.xml). */
@Mapper
public interface ReviewMapper {

  void insert(ReviewDecision decision);

  List<ReviewDecision> findBySubject(@Param("type") ReviewSubjectType type, @Param("subjectId") long subjectId);

  List<ReviewDecision> findByProject(@Param("projectId") long projectId);

  List<ReviewDecision> findByRound(@Param("type") ReviewSubjectType type, @Param("subjectId") long subjectId,
      @Param("round") int round);

  int countVotes(@Param("type") ReviewSubjectType type, @Param("subjectId") long subjectId,
      @Param("round") int round, @Param("reviewer") String reviewer);

  /** Votes a deputy cast for the person (acting for them) in the round. */
  int countVotesFor(@Param("type") ReviewSubjectType type, @Param("subjectId") long subjectId,
      @Param("round") int round, @Param("person") String person);

  int countRecusals(@Param("type") ReviewSubjectType type, @Param("subjectId") long subjectId,
      @Param("reviewer") String reviewer);
}
