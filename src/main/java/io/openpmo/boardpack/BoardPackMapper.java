package io.openpmo.boardpack;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Board packs, their archived files, and what a pack reports (statements in BoardPackMapper.xml). */
@Mapper
interface BoardPackMapper {

  long insert(BoardPack pack);

  Optional<BoardPack> findById(@Param("id") long id);

  List<BoardPack> findAll();

  int countForPeriod(@Param("periodFrom") LocalDate periodFrom);

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int markArchived(@Param("id") long id, @Param("at") OffsetDateTime at);

  int markSent(@Param("id") long id, @Param("at") OffsetDateTime at, @Param("recipients") String recipients);

  long insertDocument(BoardPack.Document document);

  List<BoardPack.Document> findDocuments(@Param("boardPackId") long boardPackId);

  Optional<BoardPack.Document> findDocument(@Param("boardPackId") long boardPackId, @Param("format") String format);

  /** Health of every status report of live projects, by project and date. */
  List<Rating> ratings();

  List<BoardPackContent.RiskLine> openRisksAndIssues();

  List<BoardPackContent.DoraLine> doraProjects();

  List<BoardPackContent.DecisionLine> decisions(@Param("from") OffsetDateTime from, @Param("to") OffsetDateTime to,
      @Param("actions") List<String> actions);

  List<BoardPackContent.BenefitLine> benefits();

  /** A status report's rating. */
  record Rating(Long projectId, LocalDate reportDate, String health) {
  }
}
