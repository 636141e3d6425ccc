package it.sportello.studio;

import it.sportello.shared.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Try before deploy (issue 24, item 5): a draft that passes every check is run once on the
 * throwaway engine ({@link StudioDryRun}) with the analyst's sample variables.
 */
@Service
public class DryRuns {

  private final Studio studio;
  private final StudioDryRun dryRun;

  DryRuns(Studio studio, StudioDryRun dryRun) {
    this.studio = studio;
    this.dryRun = dryRun;
  }

  /**
   * Runs the draft; 400 naming {@code content} while the checks find problems (a model the engine
   * would refuse is never run, not even here), or {@code kind} for a decision or form.
   */
  public DryRunResult run(long draftId, Map<String, Object> variables) {
    Draft draft = studio.draft(draftId);
    if (draft.kind() != DraftKind.BPMN) {
      throw new InvalidRequestException("kind", "only a process (BPMN) draft can be dry run");
    }
    List<ModelProblem> problems = studio.check(draft.kind(), draft.content());
    ModelProblem.refuse(problems);
    return dryRun.run(
        draft.kind().resourceName(draft.key()),
        draft.content(),
        variables == null ? Map.of() : variables);
  }
}
