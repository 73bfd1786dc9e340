package io.openpmo.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cluster's SMTP server (GreenMail) on a fixed port: it can go down and come back; what it received is kept. */
final class MailServer implements AutoCloseable {

  private static final Pattern DECISION = Pattern.compile("^(PRJ-\\d{4}-\\d+) approved: ");
  private final int port;
  private final Map<String, Integer> fromStoppedServers = new java.util.HashMap<>();
  private final Map<String, java.util.Set<String>> idsFromStoppedServers = new java.util.HashMap<>();
  private long receivedByStoppedServers;
  private GreenMail server;

  MailServer() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  /** Takes the server down (what it received so far is kept). */
  synchronized void stop() {
    count(server).forEach((code, copies) -> fromStoppedServers.merge(code, copies, Integer::sum));
    messageIds(server).forEach((code, ids) -> idsFromStoppedServers.computeIfAbsent(code, c -> new java.util.HashSet<>())
        .addAll(ids));
    receivedByStoppedServers += server.getReceivedMessages().length;
    server.stop();
    server = null;
  }

  int port() {
    return port;
  }

  /**
   * How many times each approved request's decision mail was sent, by project code (above 1: sent twice). One
   * sending reaches two mailboxes (requester and sponsor), and GreenMail keeps a copy in each.
   */
  synchronized Map<String, Integer> approvalsByCode() {
    Map<String, Integer> copies = new java.util.HashMap<>(fromStoppedServers);
    if (server != null) {
      count(server).forEach((code, n) -> copies.merge(code, n, Integer::sum));
    }
    Map<String, Integer> sendings = new java.util.HashMap<>();
    copies.forEach((code, n) -> sendings.put(code, (n + 1) / 2));
    return sendings;
  }

  /** The Message-IDs under which each approved request's decision mail arrived (one, however often it was sent). */
  synchronized Map<String, java.util.Set<String>> approvalMessageIds() {
    Map<String, java.util.Set<String>> ids = new java.util.HashMap<>();
    idsFromStoppedServers.forEach((code, seen) -> ids.put(code, new java.util.HashSet<>(seen)));
    if (server != null) {
      messageIds(server).forEach((code, seen) -> ids.computeIfAbsent(code, c -> new java.util.HashSet<>())
          .addAll(seen));
    }
    return ids;
  }

  private static Map<String, java.util.Set<String>> messageIds(GreenMail server) {
    Map<String, java.util.Set<String>> ids = new java.util.HashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        Matcher decision = DECISION.matcher(message.getSubject());
        if (decision.find()) {
          ids.computeIfAbsent(decision.group(1), c -> new java.util.HashSet<>()).add(message.getMessageID());
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return ids;
  }

  synchronized long received() {
    return receivedByStoppedServers + (server == null ? 0 : server.getReceivedMessages().length);
  }

  private static Map<String, Integer> count(GreenMail server) {
    Map<String, Integer> copies = new java.util.HashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        Matcher decision = DECISION.matcher(message.getSubject());
        if (decision.find()) {
          copies.merge(decision.group(1), 1, Integer::sum);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return copies;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
    }
  }
}
