package io.openpmo.core;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's FEEL engine for DMN ({@link ScalaFeelEngine}), with the same parser, validation, value mappers, custom
 * functions and error messages, minus two costs it pays on every cell of every decision table: parsing the expression
 * again (a decision table's expressions are few and fixed; their parsed and validated form is kept here), and
 * building the root context with the table of built-in functions again (the FEEL engine 1.19 makes a new
 * {@code BuiltinFunctions} for every evaluation; here it is made once). Each evaluation still gets its own context
 * and failure collector, so evaluations share nothing mutable.
 */
class CachingFeelEngine extends ScalaFeelEngine {

  /** Decision tables hold a bounded number of distinct expressions; past this the caches start again. */
  static final int MAX_CACHED = 10_000;

  private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
  private final ValueMapper valueMapper;
  private final FeelInterpreter interpreter;
  private final FunctionProvider functions;

  CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    valueMapper = feelEngine.valueMapper();
    interpreter = new FeelInterpreter(valueMapper);
    functions = new FunctionProvider.CompositeFunctionProvider(toScalaList(
        new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    return (T) evaluate(parsed, new ContextVariableWrapper(variableContext));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    VariableProvider variables = new VariableProvider.CompositeVariableProvider(toScalaList(
        new VariableProvider.StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(),
            inputVariable)),
        new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(evaluate(parsed, variables));
  }

  private static ParsedExpression parsed(ConcurrentHashMap<String, ParsedExpression> cache, String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    ParsedExpression parsed = cache.get(expression);
    if (parsed == null) {
      Either<Failure, ParsedExpression> result = parser.apply(expression);
      if (!(result instanceof Right<Failure, ParsedExpression> right)) {
        throw LOGGER.evaluationException(result.left().toOption().get().message());
      }
      parsed = right.value();
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(expression, parsed);
    }
    return parsed;
  }

  /** What {@code org.camunda.feel.FeelEngine.eval} does with the root context merged in, the root kept. */
  private Object evaluate(ParsedExpression parsed, VariableProvider variables) {
    EvalContext context = new EvalContext(valueMapper, variables, functions, new EvaluationFailureCollector());
    Val result = interpreter.eval(parsed.expression(), context);
    if (context.failureCollector().failures().exists(failure ->
        failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$)) {
      throw LOGGER.evaluationException("Assertion failure on evaluate the expression '" + parsed.text() + "'");
    }
    if (result instanceof ValError error) {
      throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
    }
    if (result instanceof ValFatalError error) {
      throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error.error());
    }
    return valueMapper.unpackVal(result);
  }
}
