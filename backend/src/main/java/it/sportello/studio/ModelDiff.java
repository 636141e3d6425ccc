package it.sportello.studio;

import java.util.List;

/**
 * What changed between two versions of one model: both contents (to draw them) and the elements
 * added, removed or changed, with their properties. The diagram's layout is no change.
 *
 * @param fromVersion the deployed version {@code before} is (null: the latest, or none)
 * @param toVersion the deployed version {@code after} is (null: a draft)
 * @param draftId the draft {@code after} is (null: a deployed version)
 * @param before the earlier content, null for a new model
 */
public record ModelDiff(
    DraftKind kind,
    String key,
    Integer fromVersion,
    Integer toVersion,
    Long draftId,
    String before,
    String after,
    List<ModelChange> changes) {}
