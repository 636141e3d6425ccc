package it.sportello.worklist.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the inbox read model at start (ADR 0035) with the open tasks it does not have yet (those
 * created before it existed, or by a node of an older version) and removes the rows of tasks no
 * longer open: one statement each over the engine's tables, before the application takes traffic.
 * Tasks created, changed and ended afterwards are written by {@link InboxChanges}.
 */
@Component
class InboxRebuild {

  private static final Logger log = LoggerFactory.getLogger(InboxRebuild.class);

  private final InboxTable table;

  InboxRebuild(InboxTable table) {
    this.table = table;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void rebuild() {
    long start = System.nanoTime();
    int changed = table.rebuild();
    if (changed > 0) {
      log.info(
          "Inbox read model made equal to the engine's open tasks: {} rows added or removed in {} ms",
          changed,
          (System.nanoTime() - start) / 1_000_000);
    }
  }
}
