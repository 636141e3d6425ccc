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
}
