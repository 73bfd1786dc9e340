package io.openpmo.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) for the whole test JVM; the application sends to it. */
public final class TestMail {

  private static final GreenMail SERVER = start();

  private static GreenMail start() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return server;
  }

  public static GreenMail server() {
    return SERVER;
  }

  public static int port() {
    return SERVER.getSmtp().getPort();
  }

  public static List<MimeMessage> messages() {
    return Arrays.asList(SERVER.getReceivedMessages());
  }

  public static void reset() {
    try {
      SERVER.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private TestMail() {
  }
}
