package dev.baton.gate;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for DMN, with each expression and unary test parsed once: the engine
 * Camunda 7.24 configures parses the text of every cell on every evaluation, which made a
 * decision table the most expensive step of a campaign's start. Evaluation, value mapping,
 * functions and errors are Camunda's own (this extends its {@link ScalaFeelEngine}).
 */
public class CachingFeelEngine extends ScalaFeelEngine {

    /** Deployed decisions bring a bounded number of texts; a runaway deployment only clears the cache. */
    static final int MAX_CACHED = 10_000;

    private final java.util.Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final java.util.Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public CachingFeelEngine() {
        super(List.of());
    }

    /** The factory the DMN engine configuration takes. */
    public static FeelEngineFactory factory() {
        return CachingFeelEngine::new;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ContextVariableWrapper wrapper = new ContextVariableWrapper(variables);
        return (T) result(feelEngine.eval(parsed(expressions, expression, false), context(wrapper)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        VariableProvider input = new VariableProvider.StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        VariableProvider all = new VariableProvider.CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        return Boolean.TRUE.equals(result(feelEngine.eval(parsed(unaryTests, expression, true), context(all))));
    }

    private ParsedExpression parsed(java.util.Map<String, ParsedExpression> cache, String text, boolean unary) {
        ParsedExpression known = cache.get(text);
        if (known != null) {
            return known;
        }
        Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed =
                unary ? feelEngine.parseUnaryTests(text) : feelEngine.parseExpression(text);
        if (parsed instanceof Left<?, ?> failure) {
            throw LOGGER.evaluationException(((org.camunda.feel.FeelEngine.Failure) failure.value()).message());
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        ParsedExpression expression = parsed.toOption().get();
        cache.put(text, expression);
        return expression;
    }

    private static Object result(Either<org.camunda.feel.FeelEngine.Failure, Object> evaluated) {
        if (evaluated instanceof Left<?, ?> failure) {
            throw LOGGER.evaluationException(((org.camunda.feel.FeelEngine.Failure) failure.value()).message());
        }
        return evaluated.toOption().get();
    }

    private static Context context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }
}
