package it.sportello.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event streams on one node, without the relay between nodes (its channel is not started). */
class UserEventsTest {

  private final UserEvents events = new UserEvents(mock(DataSource.class), new ObjectMapper());

  @Test
  void aStreamWhoseBrowserLeftIsDroppedAndTheSenderDoesNotFail() {
    Stream healthy = new Stream();
    Stream left = new Stream();
    events.open("operator1", Set.of("level1"), healthy, null);
    events.open("operator3", Set.of("level1"), left, null);
    left.browserLeft = true;

    // a ticket's intake sends this after its commit: a dead stream must not turn it into a 500
    assertThatCode(() -> events.toEveryone("inbox")).doesNotThrowAnyException();

    assertThat(events.open()).isEqualTo(1);
    assertThat(healthy.sent).hasSize(2); // "ready", then the signal
    assertThat(left.sent).hasSize(1); // "ready" only
    assertThat(left.endingRefused).isTrue();

    events.toEveryone("inbox");
    assertThat(healthy.sent).hasSize(3);
  }

  @Test
  void closingEveryStreamGetsPastOnesThatRefuseToEnd() {
    Stream refusing = new Stream();
    refusing.refuseToComplete = true;
    events.open("operator1", Set.of(), refusing, null);
    events.open("operator2", Set.of(), new Stream(), null);

    assertThatCode(events::closeAll).doesNotThrowAnyException();
    assertThat(events.open()).isZero();
  }

  /**
   * A stream as Tomcat treats it: once its browser has left, sending fails, and so does ending it
   * from another thread after the container's error handling.
   */
  private static final class Stream extends SseEmitter {
    final List<SseEventBuilder> sent = new ArrayList<>();
    boolean browserLeft;
    boolean refuseToComplete;
    boolean endingRefused;

    @Override
    public void send(SseEventBuilder builder) throws IOException {
      if (browserLeft) {
        throw new IOException("Broken pipe");
      }
      sent.add(builder);
    }

    @Override
    public synchronized void completeWithError(Throwable failure) {
      endingRefused = true;
      throw new IllegalStateException(
          "A non-container (application) thread attempted to use the AsyncContext after an error");
    }

    @Override
    public synchronized void complete() {
      if (refuseToComplete) {
        throw new IllegalStateException(
            "The request associated with the AsyncContext has completed");
      }
      super.complete();
    }
  }
}
