package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.oval.model.OvalObject;

/** Collects the items of one OVAL object type from normalised host data. */
public interface ObjectCollector {
  /** What the CLI lists for this type, e.g. "Get-* cmdlet output (Exchange Management Shell)". */
  String description();

  Collected collect(OvalObject object, HostData host, EntityMatcher matcher);
}
