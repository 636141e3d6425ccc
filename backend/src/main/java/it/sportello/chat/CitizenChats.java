package it.sportello.chat;

import it.sportello.citizen.Citizen;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.RequesterData;
import it.sportello.shared.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A chat started in the citizens' area by a citizen logged in with SPID or CIE: their verified
 * identity replaces what a visitor would type (nothing is asked again), the chat is linked to their
 * contact, and the ticket the chat becomes is theirs, so it shows on their contact history and in
 * their area.
 */
@Service
public class CitizenChats {

  private final Chats chats;
  private final ChatStore store;
  private final ContactRegistry contacts;
  private final JdbcClient jdbc;

  CitizenChats(Chats chats, ChatStore store, ContactRegistry contacts, JdbcClient jdbc) {
    this.chats = chats;
    this.store = store;
    this.contacts = contacts;
    this.jdbc = jdbc;
  }

  /**
   * The chat of {@code token} is the logged-in citizen's.
   *
   * @throws InvalidRequestException naming {@code privacy} before the privacy notice is accepted
   */
  @Transactional
  public Conversation identify(String token, Citizen citizen) {
    Conversation conversation = chats.open(chats.byToken(token).id());
    if (!conversation.privacyAccepted()) {
      throw new InvalidRequestException("privacy", "the privacy notice must be accepted first");
    }
    String name =
        String.join(
                " ",
                citizen.givenName() == null ? "" : citizen.givenName(),
                citizen.familyName() == null ? "" : citizen.familyName())
            .strip();
    String shownName = name.isEmpty() ? null : name;
    long contactId =
        contacts
            .identify(
                new RequesterData(shownName, citizen.fiscalCode(), null, citizen.email(), null))
            .getId();
    jdbc.sql(
            "update sportello.chat_conversation set requester_name = ?, requester_email = ?,"
                + " requester_fiscal_code = ?, contact_id = ? where id = ?")
        .params(shownName, citizen.email(), citizen.fiscalCode(), contactId, conversation.id())
        .update();
    store.changed(conversation.id());
    return chats.get(conversation.id());
  }
}
