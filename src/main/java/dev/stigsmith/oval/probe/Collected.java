package dev.stigsmith.oval.probe;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.Message;
import java.util.List;

/** What collecting one object produced, before item ids are assigned. */
public record Collected(
    Flag flag, List<Item> items, List<Message> messages, List<CollectedObject.VariableValue> variableValues) {
  public Collected {
    items = List.copyOf(items);
    messages = List.copyOf(messages);
    variableValues = List.copyOf(variableValues);
  }

  public static Collected of(Flag flag, String message) {
    return new Collected(flag, List.of(), List.of(new Message(flag == Flag.ERROR ? "error" : "info", message)),
        List.of());
  }

  /** Complete when there are items, "does not exist" otherwise. */
  public static Collected items(List<Item> items, List<CollectedObject.VariableValue> vars) {
    return new Collected(items.isEmpty() ? Flag.DOES_NOT_EXIST : Flag.COMPLETE, items, List.of(), vars);
  }

  public Collected withItems(Flag newFlag, List<Item> newItems) {
    return new Collected(newFlag, newItems, messages, variableValues);
  }
}
