package io.openpmo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Scenarios and what they are made of (statements in ScenarioMapper.xml). */
@Mapper
interface ScenarioMapper {

  long nextCodeNumber();

  /** Inserts and answers the new id. */
  long insert(Scenario scenario);

  List<Scenario> findAll();

  Optional<Scenario> findByCode(@Param("code") String code);

  Optional<Scenario> findById(@Param("id") long id);

  /** Head changes (name, budget, status) bump the version; 0 when the version moved on meanwhile. */
  int updateHead(@Param("id") long id, @Param("version") int version, @Param("name") String name,
      @Param("budgetTotal") BigDecimal budgetTotal, @Param("status") String status, @Param("by") String by,
      @Param("now") java.time.OffsetDateTime now);

  int recordSolution(Scenario scenario);

  int setStatus(@Param("id") long id, @Param("status") String status);

  void insertQuarterBudget(@Param("scenarioId") long scenarioId, @Param("quarter") String quarter,
      @Param("budget") BigDecimal budget);

  int deleteQuarterBudgets(@Param("scenarioId") long scenarioId);

  List<ScenarioRows.QuarterBudget> findQuarterBudgets(@Param("scenarioId") long scenarioId);

  void insertCapacity(@Param("scenarioId") long scenarioId, @Param("row") ScenarioRows.Capacity row);

  List<ScenarioRows.Capacity> findCapacity(@Param("scenarioId") long scenarioId);

  void insertCandidate(ScenarioRows.Candidate candidate);

  List<ScenarioRows.Candidate> findCandidates(@Param("scenarioId") long scenarioId);

  int updateCandidateSettings(ScenarioRows.Candidate candidate);

  int recordCandidateResult(ScenarioRows.Candidate candidate);

  int clearResults(@Param("scenarioId") long scenarioId);

  void insertCost(@Param("scenarioId") long scenarioId, @Param("row") ScenarioRows.Cost row);

  List<ScenarioRows.Cost> findCosts(@Param("scenarioId") long scenarioId);

  void insertDemand(@Param("scenarioId") long scenarioId, @Param("row") ScenarioRows.Demand row);

  int deleteDemand(@Param("scenarioId") long scenarioId, @Param("projectId") long projectId);

  List<ScenarioRows.Demand> findDemand(@Param("scenarioId") long scenarioId);

  // what the portfolio offers when a scenario is made

  /** Live projects that may be funded: requests in initiation, approved projects, projects in delivery. */
  List<PortfolioSource.Project> sourceProjects();

  /** Allocations of a baseline per role and month (released ones left out). */
  List<PortfolioSource.Allocation> allocations(@Param("baselineId") long baselineId);

  /** The latest draft baseline of a project not yet in delivery (its plan for G1), if any. */
  Long latestDraftBaseline(@Param("projectId") long projectId);

  /** The pool's capacity per role (active resources). */
  List<PortfolioSource.RoleCapacity> poolCapacity();

  /** The candidates of a scenario with their projects as they are now. */
  List<PortfolioSource.PlanLine> planLines(@Param("scenarioId") long scenarioId);

  /** Live requests and approved projects made after the moment, that are not candidates of the scenario. */
  List<PortfolioSource.Project> requestsSince(@Param("since") java.time.OffsetDateTime since,
      @Param("scenarioId") long scenarioId);

  /** FTE per role and month that plans in force of projects outside the given ones take. */
  List<PortfolioSource.Allocation> committedOutside(@Param("from") LocalDate from, @Param("to") LocalDate to,
      @Param("projectIds") Collection<Long> projectIds);
}
