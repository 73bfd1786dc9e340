package io.openpmo.closure;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The knowledge base of lessons learned: recorded at closure or by anyone involved, searched by text and tag. */
@Service
public class Lessons {

  static final int MAX_TEXT = 4000;
  static final int MAX_TAGS = 10;
  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 _-]{0,49}");

  private final ClosureMapper mapper;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public Lessons(ClosureMapper mapper, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Tags as typed in a form: separated by commas, trimmed, lower case, without duplicates. */
  public static List<String> tags(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
        .distinct().toList();
  }

  @Transactional
  public Lesson record(Project project, LessonInput input, String author) {
    List<FieldProblem> problems = new ArrayList<>();
    if (input.recommendations() == null || input.recommendations().isBlank()) {
      problems.add(new FieldProblem("recommendations", "is required: what should the next project do?"));
    }
    check(problems, "wentWell", input.wentWell());
    check(problems, "toImprove", input.toImprove());
    check(problems, "recommendations", input.recommendations());
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : input.tags() == null ? List.<String>of() : input.tags()) {
      String normalised = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
      if (!TAG.matcher(normalised).matches()) {
        problems.add(new FieldProblem("tags", "\"" + tag + "\" is not a tag: letters, digits, space, - or _,"
            + " at most 50 characters"));
      }
      tags.add(normalised);
    }
    if (tags.size() > MAX_TAGS) {
      problems.add(new FieldProblem("tags", "at most " + MAX_TAGS + " tags"));
    }
    io.openpmo.core.Constraints.addMissing(problems, input);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    long id = mapper.insertLesson(new ClosureMapper.LessonRow(null, project.id(), null, null, blank(input.wentWell()),
        blank(input.toImprove()), input.recommendations().strip(), author, now));
    tags.forEach(tag -> mapper.insertLessonTag(id, tag));
    auditTrail.record(author, "LESSON_RECORDED", project.id(), project.code(), Map.of("lessonId", id, "tags",
        List.copyOf(tags)));
    return new Lesson(id, project.id(), project.code(), project.title(), blank(input.wentWell()),
        blank(input.toImprove()), input.recommendations().strip(), List.copyOf(tags), author, now);
  }

  /** Lessons whose texts or project title contain the words of {@code query} (all of them), with the tag. */
  @Transactional(readOnly = true)
  public List<Lesson> search(String query, String tag, int page, int size) {
    String pattern = query == null || query.isBlank() ? null
        : "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            + "%";
    String normalisedTag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
    return withTags(mapper.findLessons(null, pattern, normalisedTag, size, page * size));
  }

  @Transactional(readOnly = true)
  public List<Lesson> forProject(long projectId) {
    return withTags(mapper.findLessons(projectId, null, null, 1000, 0));
  }

  private List<Lesson> withTags(List<ClosureMapper.LessonRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> tags = mapper.findLessonTags(rows.stream().map(ClosureMapper.LessonRow::id).toList())
        .stream().collect(Collectors.groupingBy(ClosureMapper.LessonTag::lessonId,
            Collectors.mapping(ClosureMapper.LessonTag::tag, Collectors.toList())));
    return rows.stream().map(r -> new Lesson(r.id(), r.projectId(), r.projectCode(), r.projectTitle(), r.wentWell(),
        r.toImprove(), r.recommendations(), tags.getOrDefault(r.id(), List.of()), r.author(), r.createdAt())).toList();
  }

  private static void check(List<FieldProblem> problems, String field, String text) {
    if (text != null && text.length() > MAX_TEXT) {
      problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
