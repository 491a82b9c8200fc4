package dev.stigsmith.model;

import java.util.List;

/** A Control Correlation Identifier with the NIST SP 800-53 controls it maps to. */
public record Cci(String id, List<String> nistControls, String definition) {
  public Cci {
    if (!id.matches("CCI-\\d{6}")) throw new IllegalArgumentException("'" + id + "' is not a CCI (CCI-nnnnnn)");
    nistControls = List.copyOf(nistControls);
  }
}
