package it.sportello.platform.process;

import java.util.Set;

/** The Spring beans a model's expressions may name, and what every other name is. */
interface ModelBeans {

  /** What a name in an expression stands for. */
  enum Kind {
    /** Not a bean: a process variable (or {@code execution}, {@code task}, ...). */
    VARIABLE,
    /** An allowlisted delegate or listener: named whole, never dereferenced. */
    DELEGATE,
    /** An allowlisted helper ({@link ExpressionHelper}): its methods may be called. */
    HELPER,
    /** A bean that models may not use. */
    HIDDEN
  }

  Kind kindOf(String name);

  /** The allowlisted names, for messages and the log. */
  Set<String> exposed();
}
