package it.sportello.distribution;

/** How a queue's waiting items and its operators are matched. */
public enum RoutingPolicy {
  /** Oldest SLA deadline first; offers go round the available operators in turn. */
  FIFO,
  /** Oldest SLA deadline first; the available operator idle longest gets the next item. */
  LONGEST_IDLE,
  /** Best match of language and topic, then the deadline; among equals, the longest idle. */
  SKILLS
}
