package io.openpmo.notify;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * For the demo without a mail server ({@code openpmo.mail.delivery=log}, the demo profile's default):
 * mails are written to the log instead of sent. Set {@code OPENPMO_MAIL_DELIVERY=smtp} and the SMTP
 * variables to send them for real; production always sends (an outage becomes a retried job).
 */
@Component
@ConditionalOnProperty(name = "openpmo.mail.delivery", havingValue = "log")
class LoggingMailSender implements JavaMailSender {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingMailSender.class);

  @Override
  public void send(SimpleMailMessage... messages) {
    for (SimpleMailMessage message : messages) {
      LOG.info("Mail (demo, not sent) to {}: {}\n{}", Arrays.toString(message.getTo()), message.getSubject(),
          message.getText());
    }
  }

  @Override
  public MimeMessage createMimeMessage() {
    return new MimeMessage(Session.getInstance(new Properties()));
  }

  @Override
  public MimeMessage createMimeMessage(java.io.InputStream contentStream) {
    throw new UnsupportedOperationException("The demo mail log takes simple messages only");
  }

  @Override
  public void send(MimeMessage... mimeMessages) {
    for (MimeMessage message : mimeMessages) {
      try {
        message.saveChanges();
        LOG.info("Mail (demo, not sent) {} to {}: {}\n{}", message.getMessageID(),
            Arrays.toString(message.getAllRecipients()), message.getSubject(), message.getContent());
      } catch (jakarta.mail.MessagingException | java.io.IOException e) {
        throw new org.springframework.mail.MailPreparationException("The demo mail log could not read a mail", e);
      }
    }
  }
}
