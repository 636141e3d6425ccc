package it.sportello.shared;

import java.util.Optional;

/** The name of a user as the requester reads it in a reply ({@code {{operatore.nome}}}). */
public interface OperatorNames {

  /** First and last name, if the identity store knows the user and has a name. */
  Optional<String> nameOf(String userId);
}
