package it.sportello.platform.process;

import it.sportello.platform.process.ModelBeans.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a model's expression ({@code ${...}}) before it is deployed, with the parser the engine
 * uses, and says why it may not run: it names a bean outside the allowlist, calls or reads a
 * forbidden member ({@link ForbiddenMembers}), dereferences a delegate, or cannot be parsed.
 * Members chosen at run time ({@code ${map[key]}}) are left to {@link ReflectionGuardElResolver}.
 */
final class ExpressionChecker {

  /** How the engine uses the expression. */
  enum Use {
    /** Evaluated for its value: conditions, due dates, candidate groups, timers, ... */
    VALUE,
    /** {@code camunda:delegateExpression}: must name one allowlisted delegate or listener. */
    DELEGATE
  }

  /** The features of the engine's own expression factory (JUEL with method calls). */
  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final ModelBeans beans;

  ExpressionChecker(ModelBeans beans) {
    this.beans = beans;
  }

  /** True if the text holds an expression the engine would evaluate. */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The reasons why {@code text} may not be deployed; empty when it may. */
  List<String> check(String text, Use use) {
    if (!isExpression(text)) {
      return List.of();
    }
    Tree tree;
    try {
      tree = PARSER.build(text);
    } catch (TreeBuilderException e) {
      return List.of("'" + text + "' is not a valid expression: " + e.getMessage());
    }
    Set<String> reasons = new LinkedHashSet<>();
    walk(tree.getRoot(), reasons);
    if (use == Use.DELEGATE && !namesOneDelegate(tree)) {
      reasons.add(
          "a delegate expression names one allowlisted delegate or listener, as ${beanName}; '"
              + text
              + "' does not");
    }
    return new ArrayList<>(reasons);
  }

  private boolean namesOneDelegate(Tree tree) {
    Node root = tree.getRoot();
    return root instanceof AstEval
        && root.getChild(0) instanceof AstIdentifier identifier
        && beans.kindOf(identifier.getName()) == Kind.DELEGATE;
  }

  private void walk(Node node, Set<String> reasons) {
    if (node instanceof AstIdentifier identifier
        && beans.kindOf(identifier.getName()) == Kind.HIDDEN) {
      reasons.add(
          "names the bean '"
              + identifier.getName()
              + "', which models may not use: expressions see only delegates, listeners and"
              + " helpers marked @ExpressionHelper");
    }
    if (node instanceof AstProperty property) {
      String member = memberName(property);
      ForbiddenMembers.reasonForName(member).ifPresent(reasons::add);
      if (property.getChild(0) instanceof AstIdentifier prefix
          && beans.kindOf(prefix.getName()) == Kind.DELEGATE) {
        reasons.add(
            "uses a member of the delegate '"
                + prefix.getName()
                + "': delegates and listeners are named whole");
      }
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), reasons);
    }
  }

  /** The member's name when the model writes it ({@code a.name}, {@code a['name']}), else null. */
  private static String memberName(AstProperty property) {
    if (property instanceof AstDot dot) {
      // AstDot prints itself as ". name"
      String printed = dot.toString();
      return printed.startsWith(". ") ? printed.substring(2) : printed;
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
      return String.valueOf(literal.eval(null, null));
    }
    return null;
  }
}
