package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.Message;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Why a test did not come out true: its messages and the items that let it down. */
public record Evidence(
    String testId, String testComment, OvalResult testResult, List<Message> messages, List<FailingItem> items) {
  public Evidence {
    messages = List.copyOf(messages);
    items = List.copyOf(items);
  }

  /**
   * @param identity identifying values of the item (entities or record fields named name/identity),
   *     keyed by their lower-case name
   * @param comparisons the comparisons that went against the item
   */
  public record FailingItem(long itemId, OvalResult result, Map<String, String> identity,
      List<EntityComparison> comparisons) {
    public FailingItem {
      identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
      comparisons = List.copyOf(comparisons);
    }
  }
}
