package io.openpmo.closure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Closures, lessons, archived documents and benefits reviews (statements in ClosureMapper.xml). */
@Mapper
interface ClosureMapper {

  long insertClosure(Closure closure);

  Optional<Closure> findByProject(@Param("projectId") long projectId);

  int recordAcceptance(@Param("projectId") long projectId, @Param("acceptance") String acceptance,
      @Param("comment") String comment, @Param("by") String by, @Param("at") OffsetDateTime at);

  int recordFigures(Closure closure);

  int recordReleased(@Param("projectId") long projectId, @Param("fte") BigDecimal fte);

  int close(@Param("projectId") long projectId, @Param("at") OffsetDateTime at);

  BigDecimal futureAllocatedFte(@Param("projectId") long projectId, @Param("baselineId") long baselineId,
      @Param("from") LocalDate from);

  int releaseAllocations(@Param("projectId") long projectId, @Param("baselineId") long baselineId,
      @Param("from") LocalDate from, @Param("at") OffsetDateTime at);

  long insertLesson(LessonRow lesson);

  int insertLessonTag(@Param("lessonId") long lessonId, @Param("tag") String tag);

  List<LessonRow> findLessons(@Param("projectId") Long projectId, @Param("pattern") String pattern,
      @Param("tag") String tag, @Param("limit") int limit, @Param("offset") int offset);

  List<LessonTag> findLessonTags(@Param("lessonIds") List<Long> lessonIds);

  long insertDocument(ProjectDocument document);

  List<ProjectDocument> findDocuments(@Param("projectId") long projectId);

  Optional<ProjectDocument> findDocument(@Param("id") long id);

  int insertBenefitsReview(BenefitsReview review);

  Optional<BenefitsReview> findBenefitsReview(@Param("projectId") long projectId);

  int recordBenefits(BenefitsReview review);

  /** A lesson as stored; its tags are in their own table. */
  record LessonRow(Long id, Long projectId, String projectCode, String projectTitle, String wentWell,
      String toImprove, String recommendations, String author, OffsetDateTime createdAt) {
  }

  /** A tag of a lesson, read in bulk for a page of lessons. */
  record LessonTag(Long lessonId, String tag) {
  }
}
