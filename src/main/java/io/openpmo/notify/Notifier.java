package io.openpmo.notify;

import io.openpmo.audit.AuditTrail;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.openpmo.core.Directory;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends e-mail to people known by user id or by group (addresses from the identity service: the
 * database users, or LDAP). A failure to send is thrown, never swallowed: callers run in async
 * process steps, so the engine retries and raises an incident instead of losing the message.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final JavaMailSender mailSender;
  private final Directory directory;
  private final AuditTrail auditTrail;
  private final String from;
  private final String publicUrl;

  public Notifier(JavaMailSender mailSender, Directory directory, AuditTrail auditTrail,
      @Value("${openpmo.mail.from}") String from, @Value("${openpmo.public-url}") String publicUrl) {
    this.mailSender = mailSender;
    this.directory = directory;
    this.auditTrail = auditTrail;
    this.from = from;
    this.publicUrl = publicUrl;
  }

  /** A message to people: user ids and group ids (members of the groups receive it). */
  public record Message(Collection<String> users, Collection<String> groups, String subject, String body) {
    public static Message toUsers(Collection<String> users, String subject, String body) {
      return new Message(users, List.of(), subject, body);
    }

    public static Message toGroups(Collection<String> groups, String subject, String body) {
      return new Message(List.of(), groups, subject, body);
    }
  }

  /** Sends the message and records it in the audit trail; returns the addresses it went to. */
  public List<String> send(Message message, Long projectId, String projectCode) {
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> recipients = new LinkedHashSet<>();
    for (String userId : message.users()) {
      addressOf(userId, addresses, recipients);
    }
    for (String groupId : message.groups()) {
      for (User member : directory.membersOf(groupId)) {
        addressOf(member.getId(), addresses, recipients);
      }
    }
    if (addresses.isEmpty()) {
      LOG.warn("No e-mail address for {} / {}: '{}' not sent", message.users(), message.groups(), message.subject());
      return List.of();
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(addresses.toArray(String[]::new));
    mail.setSubject(message.subject());
    mail.setText(message.body() + "\n\n--\nOpenPMO governance · Tasklist: " + publicUrl + "/camunda/app/tasklist/\n");
    mailSender.send(mail);
    auditTrail.record("NOTIFICATION_SENT", projectId, projectCode,
        Map.of("subject", message.subject(), "recipients", new ArrayList<>(recipients)));
    return new ArrayList<>(addresses);
  }

  private void addressOf(String userId, Set<String> addresses, Set<String> recipients) {
    if (userId == null) {
      return;
    }
    directory.user(userId).map(User::getEmail).filter(email -> !email.isBlank()).ifPresent(email -> {
      addresses.add(email);
      recipients.add(userId);
    });
  }
}
