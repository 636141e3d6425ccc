package it.sportello.kb;

/** How an operator used an article to answer a ticket. */
public enum TicketUseKind {
  /** The article's answer was inserted in the reply to the requester. */
  INSERTED,
  /** The article was linked (its title and, when public, its address) in the reply. */
  LINKED,
  /** The operator marked the article as the one that answered the ticket. */
  ANSWERED
}
