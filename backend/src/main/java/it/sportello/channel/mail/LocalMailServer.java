package it.sportello.channel.mail;

/**
 * A mail server the application runs itself (the demo's, {@code EmbeddedMailServer} in the demo
 * build): the mailboxes marked {@code embedded} are served by it. The production build has none.
 */
public interface LocalMailServer {

  String host();

  int smtpPort();

  int imapPort();

  /** Creates (or finds) the account of the address; its login is the address. */
  void account(String address, String password);

  String password();
}
