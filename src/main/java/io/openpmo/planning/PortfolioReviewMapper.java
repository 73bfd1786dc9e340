package io.openpmo.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Portfolio reviews, their tasks and decisions, and portfolio plans (statements in PortfolioReviewMapper.xml). */
@Mapper
interface PortfolioReviewMapper {

  long nextCodeNumber();

  long insert(PortfolioReview review);

  Optional<PortfolioReview> findById(@Param("id") long id);

  Optional<PortfolioReview> findByCode(@Param("code") String code);

  List<PortfolioReview> findAll();

  int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  int setStatus(@Param("id") long id, @Param("status") String status);

  int nextRound(@Param("id") long id);

  int approve(@Param("id") long id, @Param("scenarioId") long scenarioId, @Param("by") String by,
      @Param("at") OffsetDateTime at);

  void insertRoundScenario(@Param("reviewId") long reviewId, @Param("scenarioId") long scenarioId,
      @Param("round") int round);

  List<Long> findRoundScenarios(@Param("reviewId") long reviewId, @Param("round") int round);

  void insertTask(PortfolioReview.Task task);

  Optional<PortfolioReview.Task> findTask(@Param("taskId") String taskId);

  void insertDecision(PortfolioReview.Decision decision);

  List<PortfolioReview.Decision> findDecisions(@Param("reviewId") long reviewId);

  void insertPlan(PortfolioReview.Plan plan);

  int supersedePlans(@Param("periodFrom") LocalDate periodFrom, @Param("months") int months);

  List<PortfolioReview.Plan> findPlans(@Param("inForceOnly") boolean inForceOnly);
}
