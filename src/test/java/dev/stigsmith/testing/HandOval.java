package dev.stigsmith.testing;

/** Pieces of hand-written OVAL test documents shared by the probe and interpreter tests. */
public final class HandOval {
  private HandOval() {}

  /** An OVAL 5.11.2 definitions document up to its generator, with the prefixes the tests use. */
  public static final String DEFINITIONS_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oval_definitions "
      + "xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\" "
      + "xmlns:oval=\"http://oval.mitre.org/XMLSchema/oval-common-5\" "
      + "xmlns:win-def=\"http://oval.mitre.org/XMLSchema/oval-definitions-5#windows\" "
      + "xmlns:ind-def=\"http://oval.mitre.org/XMLSchema/oval-definitions-5#independent\" "
      + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><generator>"
      + "<oval:schema_version>5.11.2</oval:schema_version><oval:timestamp>2026-01-01T00:00:00</oval:timestamp>"
      + "</generator>";
}
