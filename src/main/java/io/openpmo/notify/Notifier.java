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
import io.openpmo.core.Sha256;
import io.openpmo.engine.JobExecution;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.springframework.mail.MailPreparationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends e-mail to people known by user id or by group (addresses from the identity service: the
 * database users, or LDAP). A failure to send is thrown, never swallowed: callers run in async
 * process steps, so the engine retries and raises an incident instead of losing the message.
 *
 * <p>Mail is delivered at least once: a job that loses its database after the mail server accepted the message is
 * run again and sends it again. Such a repeat carries the same {@code Message-ID} (derived from the job, which keeps
 * its id when retried, and the message), so mail systems that drop duplicates by Message-ID show it once and anyone
 * else can tell it is the same message.
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
    String text = message.body() + "\n\n--\nOpenPMO governance · Tasklist: " + publicUrl + "/camunda/app/tasklist/\n";
    try {
      String origin = JobExecution.currentJobId().orElseGet(() -> UUID.randomUUID().toString());
      // set directly, as MimeMessageHelper would for a plain UTF-8 text: the helper builds a MIME type map from the
      // class path for every message it wraps (a tenth of a submission's CPU went into this and the mail Session)
      MimeMessage mail = new IdentifiedMessage(messageId(origin, message, addresses));
      mail.setFrom(parse(from));
      List<InternetAddress> to = new ArrayList<>();
      for (String address : addresses) {
        to.add(parse(address));
      }
      mail.setRecipients(jakarta.mail.Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
      mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mail.setText(text, StandardCharsets.UTF_8.name());
      mailSender.send(mail);
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not prepare the mail '" + message.subject() + "'", e);
    }
    auditTrail.record("NOTIFICATION_SENT", projectId, projectCode,
        Map.of("subject", message.subject(), "recipients", new ArrayList<>(recipients)));
    return new ArrayList<>(addresses);
  }

  /**
   * The same for a repeat of the same message from the same origin (the job sending it: a retried job keeps its
   * id); otherwise unique (a message sent outside a job has a random origin; the same text sent later by another
   * job gets another id).
   */
  static String messageId(String origin, Message message, Set<String> addresses) {
    String content = origin + "\n" + String.join(",", addresses) + "\n" + message.subject() + "\n" + message.body();
    return "<" + Sha256.hex(content.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "@openpmo>";
  }

  /** One address, its display name in UTF-8, as MimeMessageHelper parses it. */
  private static InternetAddress parse(String address) throws MessagingException {
    InternetAddress[] parsed = InternetAddress.parse(address);
    if (parsed.length != 1) {
      throw new AddressException("Illegal address", address);
    }
    try {
      return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 unavailable", e);
    }
  }

  /**
   * A MIME message that keeps the Message-ID it was given instead of generating one when it is sent. All share one
   * mail Session (only its defaults are used; the mail sender sends with its own): creating a Session reads the
   * mail providers from the class path.
   */
  static final class IdentifiedMessage extends MimeMessage {
    private static final Session DEFAULTS = Session.getInstance(new Properties());
    private final String messageId;

    IdentifiedMessage(String messageId) {
      super(DEFAULTS);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
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
