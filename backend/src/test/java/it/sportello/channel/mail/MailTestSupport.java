package it.sportello.channel.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Sends real mail to the embedded server over SMTP, as a requester's mail client would. */
final class MailTestSupport {

  private MailTestSupport() {}

  static Session session() {
    return Session.getInstance(new Properties());
  }

  /** Delivers the message as it is (its Message-ID kept) to the recipient through SMTP. */
  static void deliver(EmbeddedMailServer server, MimeMessage message, String recipient)
      throws MessagingException {
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
    Session session = Session.getInstance(props);
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, new InternetAddress[] {new InternetAddress(recipient)});
    }
  }

  static MimeMessage message(String from, String to, String subject, String text, String messageId)
      throws MessagingException {
    MimeMessage message =
        new MimeMessage(session()) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    message.saveChanges();
    return message;
  }

  static MimeMessage withAttachment(
      String from,
      String to,
      String subject,
      String text,
      String messageId,
      String fileName,
      byte[] content,
      String mediaType)
      throws MessagingException {
    MimeMessage message = message(from, to, subject, text, messageId);
    MimeBodyPart body = new MimeBodyPart();
    body.setText(text, "UTF-8");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new jakarta.activation.DataHandler(new ByteArrayDataSource(content, mediaType)));
    file.setFileName(fileName);
    file.setDisposition(MimeBodyPart.ATTACHMENT);
    message.setContent(new MimeMultipart(body, file));
    message.saveChanges();
    return message;
  }

  /**
   * The messages in the address's mailbox on the embedded server, read over IMAP as its owner
   * (GreenMail creates the account of any recipient, its password being the address).
   */
  static java.util.List<MimeMessage> inbox(EmbeddedMailServer server, String address)
      throws MessagingException, IOException {
    jakarta.mail.Store store = session().getStore("imap");
    store.connect(server.host(), server.imapPort(), address, address);
    try {
      jakarta.mail.Folder folder = store.getFolder("INBOX");
      folder.open(jakarta.mail.Folder.READ_ONLY);
      java.util.List<MimeMessage> messages = new java.util.ArrayList<>();
      for (Message message : folder.getMessages()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        messages.add(
            new MimeMessage(session(), new java.io.ByteArrayInputStream(out.toByteArray())));
      }
      folder.close(false);
      return messages;
    } finally {
      store.close();
    }
  }

  static MimeMessage resource(String path) throws IOException, MessagingException {
    try (InputStream in = MailTestSupport.class.getResourceAsStream(path)) {
      return new MimeMessage(session(), in);
    }
  }
}
