package it.sportello.survey;

import java.time.Duration;
import java.time.Instant;

/** The campaign processes, behind a port (the engine lives in {@code process}). */
public interface CampaignProcessPort {

  /** Starts {@code campaign} (the campaign's id is the business key). */
  void start(long campaignId, Instant endsAt, Duration waveInterval);

  /** Pause, resume or stop: told to the campaign's process when it waits between waves. */
  void paused(long campaignId);

  void resumed(long campaignId);

  void stopped(long campaignId);

  /** A CATI call to make. */
  record Call(
      long recipientId,
      long campaignId,
      int maxAttempts,
      Duration retryAfter,
      Instant dueAt,
      Instant followUpAt,
      String campaignName,
      String recipientName,
      String phone,
      String script,
      String questionnaireLink) {}

  /** Opens the call task of a recipient ({@code campaign-call}, business key the recipient id). */
  void call(Call call);

  /** Withdraws the open call tasks of a campaign that closed. */
  void cancelCalls(long campaignId);
}
