package it.sportello.platform.process;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The decisions' FEEL expressions parsed once, not at every evaluation (issue 26,
 * docs/performance.md "A cheaper request path"). Camunda's FEEL engine ({@link ScalaFeelEngine})
 * hands the text of every input expression, input entry and output entry to the FEEL library's
 * {@code evalExpression} or {@code evalUnaryTests}, which parse it (a parser-combinator parse) and
 * then evaluate it, each time a decision is evaluated: the classification decision of every new
 * ticket parsed its 4 input expressions, up to 28 input entries and 3 output entries again, a fifth
 * of the intake's CPU.
 *
 * <p>Here the same library, configured the same way, keeps each successfully parsed expression by
 * its text and evaluates the parsed tree with the caller's context: the result of an evaluation is
 * the one of parse-then-evaluate, including the clock ({@code now()}, {@code today()} are evaluated
 * each time), the variables and the custom functions. An expression that does not parse is parsed
 * again each time and fails as before. Analysts keep editing the decisions: a new text is a new
 * key, and the cache is bounded (it is emptied when full; decisions hold a few hundred distinct
 * texts). The legacy (JUEL-based) FEEL engine, when configured, is left as it is.
 *
 * <p>Camunda 7.24 only: Operaton's FEEL engine wraps the FEEL library's newer API, so the Operaton
 * build leaves this class out (parent pom, profile {@code operaton}) and parses as Operaton does.
 */
@Component
class FeelParsedOnce extends AbstractProcessEnginePlugin {

  /** More distinct expression texts than all the decisions of a deployment hold. */
  static final int CAPACITY = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(new Factory(dmn));
    }
  }

  /**
   * Made when the DMN engine is built, after the process engine has set the custom functions and
   * the legacy switch on the DMN engine's configuration.
   */
  static final class Factory implements FeelEngineFactory {

    private final DefaultDmnEngineConfiguration dmn;

    Factory(DefaultDmnEngineConfiguration dmn) {
      this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
      if (dmn.isEnableFeelLegacyBehavior()) {
        return new FeelEngineFactoryImpl().createInstance();
      }
      return new Engine(dmn.getFeelCustomFunctionProviders());
    }
  }

  /** Camunda's FEEL engine, with the FEEL library underneath replaced by {@link Parsing}. */
  static final class Engine extends ScalaFeelEngine {

    Engine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
      feelEngine = new Parsing(feelEngine, CAPACITY);
    }

    Parsing parsing() {
      return (Parsing) feelEngine;
    }
  }

  /** The FEEL library's engine, built as Camunda builds it, parsing each text once. */
  static final class Parsing extends org.camunda.feel.FeelEngine {

    private final int capacity;
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    Parsing(org.camunda.feel.FeelEngine built, int capacity) {
      super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
      this.capacity = capacity;
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return parsed(expressions, expression, this::parseExpression)
          .flatMap(parsed -> eval(parsed, context));
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      return parsed(unaryTests, expression, this::parseUnaryTests)
          .flatMap(parsed -> eval(parsed, context))
          .map(result -> BoxesRunTime.unboxToBoolean(result));
    }

    /** How many parsed texts are kept (expressions and unary tests). */
    int size() {
      return expressions.size() + unaryTests.size();
    }

    private Either<Failure, ParsedExpression> parsed(
        Map<String, ParsedExpression> cache,
        String text,
        Function<String, Either<Failure, ParsedExpression>> parse) {
      ParsedExpression known = cache.get(text);
      if (known != null) {
        return new camundajar.impl.scala.util.Right<>(known);
      }
      Either<Failure, ParsedExpression> result = parse.apply(text);
      if (result.isRight()) {
        if (cache.size() >= capacity) {
          cache.clear();
        }
        cache.put(text, result.toOption().get());
      }
      return result;
    }
  }
}
