package dev.stigsmith.model;

/** The read-only cmdlet whose output a check inspects, e.g. Get-SendConnector from the Exchange snap-in. */
public record CmdletQuery(String module, String verb, String noun) {
  public CmdletQuery {
    if (!"Get".equals(verb)) {
      throw new IllegalArgumentException("cmdlet verb '" + verb + "' is not allowed: checks only read (Get)");
    }
  }

  public String cmdlet() { return verb + "-" + noun; }
}
