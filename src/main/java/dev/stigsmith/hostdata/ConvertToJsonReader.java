package dev.stigsmith.hostdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads "Get-XxxConnector | ConvertTo-Json" output: one object or an array of them, as Windows
 * PowerShell 5.1 (enums as numbers, deep objects cut to text) or PowerShell 7 / remote sessions
 * (enums as names, sizes and times as text) write it.
 */
final class ConvertToJsonReader {
  private ConvertToJsonReader() {}

  static RawExport read(JsonSource src) throws HostDataException {
    JsonNode root = src.root;
    String rootPtr = "";
    // Windows PowerShell 5.1 wraps an array given with -InputObject as {"value": [...], "Count": n}.
    if (root.isObject() && root.size() == 2 && root.path("value").isArray() && root.has("Count")) {
      root = root.get("value");
      rootPtr = "/value";
    }
    List<JsonNode> items = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    if (root.isObject()) {
      items.add(root);
      pointers.add(rootPtr);
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        String ptr = JsonSource.child(rootPtr, i);
        if (!root.get(i).isObject()) throw src.error(ptr, "expected a PowerShell object, got " + root.get(i).getNodeType().toString().toLowerCase());
        items.add(root.get(i));
        pointers.add(ptr);
      }
    } else {
      throw src.error(rootPtr, "expected a PowerShell object or an array of objects");
    }

    String fileName = src.file.getFileName().toString();
    Set<String> names = new LinkedHashSet<>();
    items.forEach(o -> o.fieldNames().forEachRemaining(names::add));
    String cmdlet = CmdletKinds.fromFileName(fileName)
        .or(() -> CmdletKinds.fromProperties(names))
        .orElseThrow(() -> new HostDataException(src.file, CmdletKinds.notIdentified("ConvertTo-Json output")));

    List<PsObject> objects = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String objPtr = pointers.get(i);
      List<Map.Entry<String, JsonNode>> props = new ArrayList<>(items.get(i).properties());
      objects.add(ValueNormaliser.object(props, false,
          (property, problem) -> src.error(JsonSource.child(objPtr, property), problem)));
    }
    return new RawExport(src.file, cmdlet, objects);
  }
}
