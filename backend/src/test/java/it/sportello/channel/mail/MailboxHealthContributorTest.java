package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Each receiving mailbox is one member of the {@code mailboxes} health: unknown before its first
 * poll, degraded (with the masked error) while its polls fail, e.g. against a closed port, up again
 * after a poll without error; a mailbox that only sends is not a member.
 */
class MailboxHealthContributorTest {

  private static Mailbox mailbox(String id, boolean receives) {
    Mailbox.Server server = new Mailbox.Server("localhost", 1, false, false, id, "x");
    return new Mailbox(
        id,
        MailboxKind.ORDINARY,
        id + "@comune.example",
        receives ? server : null,
        server,
        "INBOX",
        Duration.ofSeconds(10),
        false,
        null,
        "it",
        false);
  }

  @Test
  void aMailboxWhosePollsFailIsDownAndUpAgainAfterAGoodPoll() {
    Mailboxes mailboxes = mock(Mailboxes.class);
    when(mailboxes.all())
        .thenReturn(List.of(mailbox("protocollo", true), mailbox("outgoing", false)));
    MailboxHealth health = new MailboxHealth(Clock.systemUTC());
    MailboxHealthContributor contributor = new MailboxHealthContributor(mailboxes, health);

    assertThat(StreamSupport.stream(contributor.spliterator(), false).map(n -> n.getName()))
        .containsExactly("protocollo");
    HealthIndicator member = (HealthIndicator) contributor.getContributor("protocollo");
    assertThat(member.health().getStatus()).isEqualTo(Status.UNKNOWN);

    health.pollStarted("protocollo");
    health.pollFailed(
        "protocollo",
        new MessagingException(
            "Couldn't connect to host, port: localhost, 1; user protocollo@comune.example",
            new ConnectException("Connection refused")));
    var down = member.health();
    assertThat(down.getStatus()).isEqualTo(new Status("DEGRADED"));
    assertThat(down.getDetails().get("error").toString())
        .contains("Connection refused")
        .doesNotContain("protocollo@comune.example");
    assertThat(down.getDetails()).containsEntry("failuresInARow", 1);

    health.pollStarted("protocollo");
    health.pollSucceeded("protocollo");
    assertThat(member.health().getStatus()).isEqualTo(Status.UP);
  }
}
