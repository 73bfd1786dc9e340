package io.openpmo.modelchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Every FEEL text of a decision compiles: input expressions and output entries as expressions, input entries as
 * unary tests, with the FEEL engine the DMN engine evaluates them with. The engine itself parses FEEL only when a
 * rule is first evaluated, so a typo would otherwise surface as an error in a running process.
 */
final class FeelCheck {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  private FeelCheck() {
  }

  static List<CheckProblem> check(String file, DmnFacts facts) {
    List<CheckProblem> problems = new ArrayList<>();
    for (DmnFacts.FeelText text : facts.feel) {
      String language = text.language() == null ? "" : text.language().strip().toLowerCase(Locale.ROOT);
      if (!language.isEmpty() && !language.contains("feel")) {
        continue; // the deployment guard refuses other languages, naming the element
      }
      String body = text.text() == null ? "" : text.text().strip();
      if (body.isEmpty()) {
        continue;
      }
      ParseResult result = text.unaryTests() ? FEEL.parseUnaryTests(body) : FEEL.parseExpression(body);
      if (!result.isSuccess()) {
        problems.add(new CheckProblem(file, text.elementId(), text.line(), CheckProblem.FEEL,
            (text.unaryTests() ? "the input entry" : "the expression") + " \"" + body + "\" is not valid FEEL: "
                + firstLine(result.failure().message())));
      }
    }
    return problems;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "it does not parse";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
