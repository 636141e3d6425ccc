package it.sportello.distribution;

/** Whether operators take items from the queue's list or are offered the next one. */
public enum RoutingMode {
  /** Operators take items from the list, ordered by the policy. */
  PULL,
  /** The next item is offered to one suitable available operator, who accepts or declines. */
  PUSH
}
