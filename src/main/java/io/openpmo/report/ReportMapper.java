package io.openpmo.report;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The figures of the portfolio report in one query (statements in ReportMapper.xml). */
@Mapper
interface ReportMapper {

  /**
   * One line per project, ordered by code: requested budget, BAC of the baseline in force, earned value of the
   * latest status report; REJECTED and WITHDRAWN projects only with includeFinished.
   */
  List<PortfolioReport.ProjectLine> portfolio(@Param("includeFinished") boolean includeFinished);
}
