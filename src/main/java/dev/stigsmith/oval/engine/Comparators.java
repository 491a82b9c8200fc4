package dev.stigsmith.oval.engine;

import java.util.Map;
import java.util.Set;

/** One comparator per OVAL datatype; a datatype we do not know is an explicit error. */
public final class Comparators {
  private static final Map<String, DatatypeComparator> BY_DATATYPE = Map.of(
      "string", new StringComparator(),
      "boolean", new BooleanComparator(),
      "int", new IntComparator(),
      "float", new FloatComparator(),
      "version", new VersionComparator(),
      "evr_string", new EvrStringComparator());

  private Comparators() {}

  public static Set<String> supportedDatatypes() {
    return new java.util.TreeSet<>(BY_DATATYPE.keySet());
  }

  public static DatatypeComparator forDatatype(String datatype) {
    DatatypeComparator c = BY_DATATYPE.get(datatype == null ? "string" : datatype);
    if (c == null) throw new ComparisonException("datatype '" + datatype + "' is not supported");
    return c;
  }

  /** One comparison as the OVAL spec words it: actual (item) OP expected (state). */
  public static boolean compare(String datatype, String actual, Operation op, String expected) {
    return forDatatype(datatype).compare(actual, op, expected);
  }
}
