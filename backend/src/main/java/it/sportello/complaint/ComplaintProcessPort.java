package it.sportello.complaint;

import java.time.Instant;

/** What complaints need from the process engine. Implemented in {@code complaint.process}. */
public interface ComplaintProcessPort {

  void start(String caseNumber, Instant checkDueAt, Instant checkFollowUpAt);

  /** Delivers the supplier's reply if the case waits for it. @return whether it did */
  boolean supplierReplied(String caseNumber);
}
