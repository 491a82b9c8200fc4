package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Message;
import java.util.List;

/** The result of one test, with the items it evaluated and the variable values it used. */
public record TestResult(
    String testId,
    String version,
    String comment,
    String checkExistence,
    String check,
    String stateOperator,
    OvalResult result,
    List<Message> messages,
    List<TestedItem> items,
    List<CollectedObject.VariableValue> variables) {
  public TestResult {
    messages = List.copyOf(messages);
    items = List.copyOf(items);
    variables = List.copyOf(variables);
  }
}
