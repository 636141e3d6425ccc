/**
 * Work distribution: operators' presence (available, busy, paused with a reason, offline) and its
 * log, skills with proficiency, capacity per channel, the routing policy of each queue ({@code
 * FIFO}, {@code LONGEST_IDLE}, {@code SKILLS}; {@code PULL} or {@code PUSH}), offers of the next
 * item to one suitable operator (claimed in the database, so two nodes never offer one task twice),
 * and the supervisors' board. The pure decisions are {@link it.sportello.distribution.Router} and
 * {@link it.sportello.distribution.Capacity}; the engine's tasks are read in {@code process}; tasks
 * are claimed through the worklist. The telephony platform's agent states arrive as {@link
 * it.sportello.channel.phone.AgentStateChanged} events.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "channel :: phone",
      "platform :: events",
      "platform :: security",
      "shared",
      "shared :: web",
      "sla",
      "worklist"
    })
package it.sportello.distribution;
