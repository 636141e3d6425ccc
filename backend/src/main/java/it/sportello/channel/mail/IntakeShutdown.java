package it.sportello.channel.mail;

import org.springframework.stereotype.Component;

/**
 * Whether the mail workers are stopping (set by {@link MailScheduler#stop()}, before the engine and
 * the database close). While stopping, a message whose intake fails is not quarantined: the failure
 * is most likely the shutdown itself (the engine or the connection pool closing under it), so the
 * message is left unseen on the server and taken in at the next start.
 */
@Component
class IntakeShutdown {

  private volatile boolean stopping;

  boolean stopping() {
    return stopping;
  }

  void stopping(boolean stopping) {
    this.stopping = stopping;
  }

  /** Throws {@link Interrupted} when stopping: called instead of quarantining a message. */
  void checkNotStopping(String what, Throwable cause) {
    if (stopping) {
      throw new Interrupted(what + " not taken in: the application is stopping", cause);
    }
  }

  /** The intake of a message was cut short by the shutdown: it stays unseen on the server. */
  static final class Interrupted extends RuntimeException {
    Interrupted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
