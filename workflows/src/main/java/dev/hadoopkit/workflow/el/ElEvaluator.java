package dev.hadoopkit.workflow.el;

import jakarta.el.CompositeELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.FunctionMapper;
import jakarta.el.ListELResolver;
import jakarta.el.MapELResolver;
import jakarta.el.PropertyNotFoundException;
import jakarta.el.ValueExpression;
import jakarta.el.VariableMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Oozie EL ({@code ${wf:id()}}, {@code ${nameNode}/x}, {@code ${fs:exists(p) and 1 gt 0}}) with Jakarta
 * Expression Language (Eclipse Expressly): a real EL parser, Oozie's functions and constants, the job's properties as
 * variables. Thread-safe; one instance per engine.
 */
public final class ElEvaluator {
  /** Oozie's constants: sizes and the names of the map-reduce record counters. */
  public static final Map<String, Object> CONSTANTS = Map.ofEntries(
      Map.entry("KB", 1024L),
      Map.entry("MB", 1024L * 1024),
      Map.entry("GB", 1024L * 1024 * 1024),
      Map.entry("TB", 1024L * 1024 * 1024 * 1024),
      Map.entry("PB", 1024L * 1024 * 1024 * 1024 * 1024),
      Map.entry("RECORDS", "org.apache.hadoop.mapred.Task$Counter"),
      Map.entry("MAP_IN", "MAP_INPUT_RECORDS"),
      Map.entry("MAP_OUT", "MAP_OUTPUT_RECORDS"),
      Map.entry("REDUCE_IN", "REDUCE_INPUT_RECORDS"),
      Map.entry("REDUCE_OUT", "REDUCE_OUTPUT_RECORDS"),
      Map.entry("GROUPS", "REDUCE_INPUT_GROUPS"));

  private static final ThreadLocal<ElScope> CURRENT = new ThreadLocal<>();

  private final ExpressionFactory factory = new org.glassfish.expressly.ExpressionFactoryImpl();
  private final Map<String, Method> functions = new HashMap<>();
  private final java.util.Set<String> plainFunctions = new java.util.HashSet<>();

  public ElEvaluator() {
    this(java.util.List.of());
  }

  /**
   * An evaluator with Oozie's workflow functions plus the public static methods of {@code extraFunctions} (e.g. the
   * coordinator's {@code coord:} functions): a method {@code coord_days} is bound as {@code coord:days}, one without
   * an underscore as a plain function. A later class's function replaces an earlier one of the same name.
   */
  public ElEvaluator(java.util.List<Class<?>> extraFunctions) {
    java.util.List<Class<?>> classes = new java.util.ArrayList<>();
    classes.add(ElFunctions.class);
    classes.addAll(extraFunctions);
    for (Class<?> type : classes) {
      register(type);
    }
  }

  private void register(Class<?> type) {
    for (Method method : type.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() != type) {
        continue;
      }
      String name = method.getName();
      int underscore = name.indexOf('_');
      String key = underscore < 0 ? ":" + name : name.substring(0, underscore) + ":" + name.substring(underscore + 1);
      functions.put(key, method);
      if (underscore < 0) {
        plainFunctions.add(name);
      }
    }
  }

  /** The scope of the evaluation in progress on this thread, for EL functions of other packages. */
  public static ElScope currentScope() {
    ElScope scope = CURRENT.get();
    if (scope == null) {
      throw new IllegalStateException("EL function called outside an evaluation");
    }
    return scope;
  }

  /** True when the text holds an expression. */
  public static boolean hasEl(String text) {
    return text != null && text.contains("${");
  }

  public String evaluateString(String text, ElScope scope) throws ElException {
    if (!hasEl(text)) {
      return text;
    }
    String value = evaluate(text, String.class, scope);
    return value == null ? "" : value;
  }

  /** Evaluates with the variables alone (no run yet); on any problem the text is returned as written. */
  public String evaluateStringUnchecked(String text, Map<String, String> variables) {
    try {
      return evaluateString(text, ElScope.forRun(variables, null));
    } catch (ElException e) {
      return text;
    }
  }

  public boolean evaluateBoolean(String text, ElScope scope) throws ElException {
    Boolean value = evaluate(text.trim(), Boolean.class, scope);
    return value != null && value;
  }

  public <T> T evaluate(String text, Class<T> type, ElScope scope) throws ElException {
    ElScope previous = CURRENT.get();
    CURRENT.set(scope);
    try {
      Context context = new Context(scope);
      List<Segment> segments = segments(text);
      if (segments.size() == 1 && segments.get(0).expression()) {
        return type.cast(factory.createValueExpression(context, segments.get(0).text(), type).getValue(context));
      }
      // Literal text is kept as written (Jakarta EL would drop every backslash of it); only the ${…} parts are
      // evaluated, each on its own, and joined as EL joins a composite expression.
      StringBuilder joined = new StringBuilder();
      for (Segment segment : segments) {
        if (segment.expression()) {
          Object value = factory.createValueExpression(context, segment.text(), Object.class).getValue(context);
          joined.append((String) factory.coerceToType(value, String.class));
        } else {
          joined.append(segment.text());
        }
      }
      return type.cast(factory.coerceToType(joined.toString(), type));
    } catch (ELException e) {
      throw new ElException(describe(text, e), e);
    } catch (RuntimeException e) {
      throw new ElException("cannot evaluate " + text + ": " + e.getMessage(), e);
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** A piece of text: literal, or one {@code ${…}} expression (with its delimiters). */
  private record Segment(String text, boolean expression) {
  }

  /**
   * Splits text as Oozie's EL reads it: {@code ${…}} expressions (a '}' inside a quoted string does not end one) and
   * literal text, where every character stands for itself except {@code \${}, the literal {@code ${}. An
   * unterminated {@code ${} is left to the EL parser, which reports the syntax error.
   */
  private static List<Segment> segments(String text) {
    List<Segment> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("\\${", i)) {
        literal.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = expressionEnd(text, i + 2);
        if (end < 0) {
          flush(literal, out);
          out.add(new Segment(text.substring(i), true));
          return out;
        }
        flush(literal, out);
        out.add(new Segment(text.substring(i, end + 1), true));
        i = end + 1;
      } else {
        literal.append(text.charAt(i));
        i++;
      }
    }
    flush(literal, out);
    return out;
  }

  private static void flush(StringBuilder literal, List<Segment> out) {
    if (literal.length() > 0) {
      out.add(new Segment(literal.toString(), false));
      literal.setLength(0);
    }
  }

  /** The index of the '}' closing the expression whose body starts at {@code from}, or -1. */
  private static int expressionEnd(String text, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** "unknown EL function wf:actionDta; did you mean wf:actionData?" — the known names nearest in spelling. */
  private String unknownFunction(String key) {
    String name = key.startsWith(":") ? key.substring(1) : key;
    List<String> known = new ArrayList<>();
    for (String function : functions.keySet()) {
      known.add(function.startsWith(":") ? function.substring(1) : function);
    }
    known.sort(java.util.Comparator.comparingInt((String k) -> distance(name.toLowerCase(java.util.Locale.ROOT),
        k.toLowerCase(java.util.Locale.ROOT))).thenComparing(k -> k));
    List<String> closest = known.stream().filter(k -> distance(name.toLowerCase(java.util.Locale.ROOT),
        k.toLowerCase(java.util.Locale.ROOT)) <= Math.max(2, name.length() / 3)).limit(3).toList();
    return "unknown EL function " + name + (closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest)
        + "?") + " (Oozie's workflow EL functions are listed in workflows/README.md)";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String describe(String text, ELException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    int expecting = message.indexOf("Was expecting");
    if (expecting > 0) {
      message = message.substring(0, expecting).trim(); // the parser's list of every possible token is noise
    }
    return "cannot evaluate " + text + ": " + message.replaceAll("\\s+", " ").trim();
  }

  private final class Context extends ELContext {
    private final ELResolver resolver;

    Context(ElScope scope) {
      CompositeELResolver composite = new CompositeELResolver();
      composite.add(new VariableResolver(scope, plainFunctions));
      composite.add(new MapELResolver(true));
      composite.add(new ListELResolver(true));
      this.resolver = composite;
    }

    @Override
    public ELResolver getELResolver() {
      return resolver;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
      return new FunctionMapper() {
        @Override
        public Method resolveFunction(String prefix, String localName) {
          String key = (prefix == null ? "" : prefix) + ":" + localName;
          Method method = functions.get(key);
          if (method == null) {
            throw new ELException(unknownFunction(key));
          }
          return method;
        }
      };
    }

    @Override
    public VariableMapper getVariableMapper() {
      return null;
    }
  }

  /** The first parts of a dotted property name such as {@code user.name}, while EL reads it part by part. */
  private record DottedName(String name) {
  }

  /** An undefined name met by a check pass; more of a dotted name may follow. Reads as an empty string. */
  private record MissingName(String name) {
    @Override
    public String toString() {
      return "";
    }
  }

  /** Resolves top-level identifiers: Oozie's constants, then the job's properties. */
  private static final class VariableResolver extends ELResolver {
    private final ElScope scope;
    private final java.util.Set<String> functionNames;

    VariableResolver(ElScope scope, java.util.Set<String> functionNames) {
      this.functionNames = functionNames;

      this.scope = scope;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base instanceof MissingName missing && property != null) {
        context.setPropertyResolved(true);
        scope.forgetMissing(missing.name);
        scope.recordMissing(missing.name + "." + property);
        return new MissingName(missing.name + "." + property);
      }
      if (property == null || (base != null && !(base instanceof DottedName))) {
        return null;
      }
      String name = base == null ? property.toString() : ((DottedName) base).name + "." + property;
      if (base == null && functionNames.contains(name) && !scope.variables().containsKey(name)) {
        return null; // concat(...), trim(...): EL asks resolvers first whether the name is a lambda variable
      }
      context.setPropertyResolved(true);
      if (base == null) {
        Object constant = CONSTANTS.get(name);
        if (constant != null) {
          return constant;
        }
      }
      String value = scope.variables().get(name);
      if (value != null) {
        return value;
      }
      String prefix = name + ".";
      for (String key : scope.variables().keySet()) {
        if (key.startsWith(prefix)) {
          return new DottedName(name); // ${user.name}: the rest of the name follows as property access
        }
      }
      if (scope.isChecking()) {
        scope.recordMissing(name);
        return new MissingName(name);
      }
      throw new PropertyNotFoundException("variable [" + name + "] cannot be resolved");
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? String.class : null;
    }
  }
}
