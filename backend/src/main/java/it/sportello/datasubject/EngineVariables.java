package it.sportello.datasubject;

import java.util.List;

/**
 * The engine's side of an erasure (implemented in {@code process}): variables of the erased
 * tickets' process instances, running or finished, whose value mentions the person.
 */
public interface EngineVariables {

  /**
   * Removes the variables (runtime and history) of the instances with these business keys whose
   * text value contains one of {@code identifiers}; how many were removed.
   */
  int eraseMentions(List<String> businessKeys, List<String> identifiers);

  /**
   * Blanks the person's identifiers wherever else the engine keeps text about its processes, in
   * history and runtime: business keys, task names and descriptions, comments, the user operation
   * log, historic variable values and details, incidents' messages, jobs' and external tasks' error
   * messages and error details. The instances of {@code keptBusinessKeys} (the kept tickets) are
   * left alone. Returns how many rows were changed, per kind.
   */
  java.util.Map<String, Integer> anonymiseMentions(
      List<String> keptBusinessKeys, List<String> identifiers);
}
