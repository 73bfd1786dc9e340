package io.openpmo.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an expression in a deployed model may do: read process variables (and their properties), compare,
 * combine with {@code && || !}, compute with {@code + - * / %}, test {@code empty}, choose with {@code ?:},
 * and name literals. It may not call a method or a function, index, name a Spring bean (beans appear only
 * as a whole {@code delegateExpression}), or reach into the engine: of {@code execution} and {@code task}
 * only the business key, ids and event name may be read. Models that need more are refused at deployment,
 * with the element and the reason.
 */
final class ExpressionPolicy {

  private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");
  private static final Set<String> ENGINE_PROPERTIES = Set.of("processBusinessKey", "businessKey",
      "processInstanceId", "id", "eventName");
  private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "div", "mod", "empty");
  private static final Set<String> LITERALS = Set.of("true", "false", "null");

  private final Predicate<String> isBean;
  private final Predicate<String> isDelegate;

  /**
   * @param isBean whether a name is a Spring bean (refused inside expressions)
   * @param isDelegate whether a name is one of our delegate or listener beans (allowed as a delegateExpression)
   */
  ExpressionPolicy(Predicate<String> isBean, Predicate<String> isDelegate) {
    this.isBean = isBean;
    this.isDelegate = isDelegate;
  }

  /** Problems with a {@code delegateExpression}: it must be exactly {@code ${beanName}} of one of our beans. */
  List<String> checkDelegate(String text) {
    Matcher matcher = DELEGATE.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      return List.of("delegateExpression \"" + text + "\" must name one of our delegates as ${beanName}");
    }
    if (!isDelegate.test(matcher.group(1))) {
      return List.of("delegateExpression \"" + text + "\" names no delegate or listener of this application");
    }
    return List.of();
  }

  /** Problems with every {@code ${...}} or {@code #{...}} in a text (attribute value or element text). */
  List<String> checkText(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null) {
      return problems;
    }
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          problems.add("expression \"" + text + "\" is not closed");
          return problems;
        }
        String body = text.substring(i + 2, end);
        String problem = check(body);
        if (problem != null) {
          problems.add("expression \"" + c + "{" + body + "}\" " + problem);
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return problems;
  }

  private static int closingBrace(String text, int from) {
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
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  /** Null when the expression body is within the policy, else why not. */
  String check(String body) {
    try {
      Parser parser = new Parser(tokenize(body));
      parser.expression();
      parser.expectEnd();
      return null;
    } catch (Refused refused) {
      return refused.getMessage();
    }
  }

  // --- a small parser for the allowed subset of the expression language ---

  private record Token(String kind, String text) {
  }

  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(?<num>\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|(?<str>'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")"
          + "|(?<id>[A-Za-z_$][A-Za-z0-9_$]*)|(?<op>==|!=|<=|>=|&&|\\|\\||[<>!+\\-*/%?:().\\[\\],;=]))");

  private static List<Token> tokenize(String body) {
    List<Token> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(body);
    int at = 0;
    while (at < body.length()) {
      if (body.substring(at).isBlank()) {
        break;
      }
      if (!matcher.find(at) || matcher.start() != at) {
        throw new Refused("has a character the policy does not allow at \"" + body.substring(at).strip() + "\"");
      }
      for (String kind : List.of("num", "str", "id", "op")) {
        if (matcher.group(kind) != null) {
          tokens.add(new Token(kind, matcher.group(kind)));
        }
      }
      at = matcher.end();
    }
    return tokens;
  }

  private final class Parser {
    private final List<Token> tokens;
    private int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    void expectEnd() {
      if (pos < tokens.size()) {
        throw new Refused("has something the policy does not allow at \"" + tokens.get(pos).text() + "\"");
      }
    }

    void expression() {
      or();
      if (accept("?")) {
        expression();
        expect(":");
        expression();
      }
    }

    private void or() {
      and();
      while (accept("||") || accept("or")) {
        and();
      }
    }

    private void and() {
      equality();
      while (accept("&&") || accept("and")) {
        equality();
      }
    }

    private void equality() {
      relation();
      while (accept("==") || accept("!=") || accept("eq") || accept("ne")) {
        relation();
      }
    }

    private void relation() {
      additive();
      while (accept("<") || accept(">") || accept("<=") || accept(">=") || accept("lt") || accept("gt")
          || accept("le") || accept("ge")) {
        additive();
      }
    }

    private void additive() {
      multiplicative();
      while (accept("+") || accept("-")) {
        multiplicative();
      }
    }

    private void multiplicative() {
      unary();
      while (accept("*") || accept("/") || accept("%") || accept("div") || accept("mod")) {
        unary();
      }
    }

    private void unary() {
      if (accept("!") || accept("not") || accept("-") || accept("empty")) {
        unary();
        return;
      }
      value();
    }

    private void value() {
      Token token = next();
      switch (token.kind()) {
        case "num", "str" -> {
          return;
        }
        case "op" -> {
          if ("(".equals(token.text())) {
            expression();
            expect(")");
            return;
          }
          throw new Refused("has something the policy does not allow at \"" + token.text() + "\"");
        }
        default -> {
          // an identifier
        }
      }
      String name = token.text();
      if (LITERALS.contains(name)) {
        return;
      }
      if (WORD_OPERATORS.contains(name) || "instanceof".equals(name)) {
        throw new Refused("uses \"" + name + "\" where a value belongs");
      }
      if (peekIs("(") || peekIs(":")) {
        throw new Refused("calls the function " + name + "(): models may not call code");
      }
      if (isBean.test(name) && !ENGINE_OBJECTS.contains(name)) {
        throw new Refused("names the bean " + name + ": beans are allowed only as a whole delegateExpression");
      }
      boolean engineObject = ENGINE_OBJECTS.contains(name);
      int depth = 0;
      while (true) {
        if (peekIs("[")) {
          throw new Refused("indexes " + name + "[...]: read variables by name");
        }
        if (!accept(".")) {
          break;
        }
        Token property = next();
        if (!"id".equals(property.kind())) {
          throw new Refused("has something the policy does not allow after \"" + name + ".\"");
        }
        if (peekIs("(")) {
          throw new Refused("calls the method " + name + "." + property.text() + "(): models may not call code");
        }
        if ("class".equals(property.text())) {
          throw new Refused("reads " + name + ".class: models may not reach into Java");
        }
        if (engineObject && (depth > 0 || !ENGINE_PROPERTIES.contains(property.text()))) {
          throw new Refused("reads " + name + "." + property.text() + ": of " + name + " only "
              + String.join(", ", ENGINE_PROPERTIES.stream().sorted().toList()) + " may be read");
        }
        name = name + "." + property.text();
        depth++;
      }
      if (engineObject && depth == 0) {
        throw new Refused("uses " + name + " itself: of it only "
            + String.join(", ", ENGINE_PROPERTIES.stream().sorted().toList()) + " may be read");
      }
    }

    private Token next() {
      if (pos >= tokens.size()) {
        throw new Refused("ends too early");
      }
      return tokens.get(pos++);
    }

    private boolean peekIs(String text) {
      return pos < tokens.size() && tokens.get(pos).text().equals(text) && !"str".equals(tokens.get(pos).kind());
    }

    private boolean accept(String text) {
      if (peekIs(text)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(String text) {
      if (!accept(text)) {
        throw new Refused("expects \"" + text + "\"");
      }
    }
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
