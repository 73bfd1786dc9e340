package io.openpmo.review;

import io.openpmo.core.Directory;
import io.openpmo.core.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every vote of every round, as people read it on a form: grouped by what was decided and the round, each round
 * summed up in a line ("5 of 5 functional reviews approved"), then one line per vote or recusal with group,
 * person, decision, date and comment. A recusal shows that the person recused, never their reason (that is for
 * the PMO and internal audit). A deputy's vote says whom they stood in for.
 */
@Component
public class VoteHistory {

  private final Directory directory;
  private final ObjectProvider<ReviewService> reviews;

  VoteHistory(Directory directory, ObjectProvider<ReviewService> reviews) {
    this.directory = directory;
    this.reviews = reviews;
  }

  /** The decisions in Markdown, oldest subject and round first; "No votes yet." when there are none. */
  public String markdown(List<ReviewDecision> decisions) {
    if (decisions.isEmpty()) {
      return "No votes yet.";
    }
    Map<String, List<ReviewDecision>> rounds = new LinkedHashMap<>();
    for (ReviewDecision d : decisions) {
      rounds.computeIfAbsent(d.subjectType() + "/" + d.subjectId() + "/" + d.reviewRound(), k -> new ArrayList<>())
          .add(d);
    }
    Map<String, String> names = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (List<ReviewDecision> round : rounds.values()) {
      ReviewDecision first = round.get(0);
      ReviewSubject subject = reviews.getObject().subject(first.subjectType());
      text.append("**").append(subject.label(first.subjectId())).append(", round ").append(first.reviewRound())
          .append("**");
      String progress = subject.progress(first.subjectId(), first.reviewRound(), round);
      if (progress != null && !progress.isBlank()) {
        text.append(": ").append(progress);
      }
      text.append("\n\n");
      for (ReviewDecision d : round) {
        text.append("- **").append(Labels.group(d.groupId())).append(":** ").append(person(d.reviewer(), names));
        if (d.actingFor() != null) {
          text.append(", standing in for ").append(person(d.actingFor(), names));
        }
        text.append(" · **").append(Labels.value(d.decision())).append("** · ").append(Labels.dateTime(d.decidedAt()));
        if (d.isVote() && d.comment() != null && !d.comment().isBlank()) {
          text.append(" · “").append(oneLine(d.comment())).append("”");
        }
        text.append("\n");
      }
      text.append("\n");
    }
    return text.toString().strip();
  }

  /** "Fiona Chen (fiona)", or the user id when the directory does not know a name. */
  public String person(String userId, Map<String, String> cache) {
    return cache.computeIfAbsent(userId, id -> directory.user(id)
        .map(VoteHistory::fullName).filter(name -> !name.isBlank()).map(name -> name + " (" + id + ")").orElse(id));
  }

  private static String fullName(User user) {
    return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
