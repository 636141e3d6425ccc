package it.sportello.approval;

import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.TimelineEntry;
import java.util.List;

/**
 * What a procedure's page shows of its case file: the documents by version, the approvals (who,
 * when, which hash) and the timeline.
 */
public record CaseFileContents(
    List<CaseDocument> documents, List<ApprovalRecord> approvals, List<TimelineEntry> timeline) {}
