package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.Message;
import java.util.List;

/** The result of one definition; {@code criteria} is null for a definition without criteria. */
public record DefinitionResult(
    String definitionId,
    String version,
    String definitionClass,
    String title,
    OvalResult result,
    CriteriaResult criteria,
    List<Message> messages) {
  public DefinitionResult {
    messages = List.copyOf(messages);
  }
}
