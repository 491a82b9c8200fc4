package dev.stigsmith.model;

import java.util.List;

/** A named selection of groups (by Vuln ID); DISA ships the nine MAC/confidentiality profiles. */
public record Profile(String id, String title, String description, List<String> selectedVulnIds) {
  public Profile {
    selectedVulnIds = List.copyOf(selectedVulnIds);
  }
}
