package it.sportello.procedure;

import java.util.List;

/** The deployed procedures (the engine adapter lives in {@code procedure.process}). */
public interface Procedures {

  /** Every procedure in its latest version, by name. */
  List<Procedure> latest();
}
