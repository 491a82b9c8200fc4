package dev.stigsmith.hostdata;

import java.util.List;

/**
 * The objects one cmdlet returned, or why it returned nothing usable.
 *
 * @param cmdlet the cmdlet as PowerShell spells it, e.g. "Get-SendConnector"
 * @param objects the returned objects in output order (empty when the cmdlet returned nothing)
 * @param error null when the cmdlet ran; otherwise its error text (objects then are empty)
 */
public record CmdletOutput(String cmdlet, List<PsObject> objects, String error) {
  public CmdletOutput {
    objects = List.copyOf(objects);
  }

  public boolean failed() {
    return error != null;
  }
}
