package dev.stigsmith.oval.model;

/** OVAL 5.11.2 namespace URIs and the prefixes our writers bind them to. */
public final class OvalNs {
  private OvalNs() {}

  public static final String SCHEMA_VERSION = "5.11.2";
  public static final String COMMON = "http://oval.mitre.org/XMLSchema/oval-common-5";
  public static final String DEF = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
  public static final String SC = "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5";
  public static final String RES = "http://oval.mitre.org/XMLSchema/oval-results-5";
  public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  /** "…oval-definitions-5#windows" → "windows"; the core namespace → "". */
  public static String family(String namespace) {
    if (namespace == null) return "";
    int hash = namespace.indexOf('#');
    return hash < 0 ? "" : namespace.substring(hash + 1);
  }

  /** The system-characteristics namespace holding the items of a definitions-namespace object. */
  public static String scNamespaceOf(String definitionsNamespace) {
    String family = family(definitionsNamespace);
    return family.isEmpty() ? SC : SC + "#" + family;
  }

  /** The schema prefix convention: win-sc, ind-sc, unix-sc… */
  public static String scPrefix(String family) {
    return switch (family) {
      case "windows" -> "win-sc";
      case "independent" -> "ind-sc";
      default -> family + "-sc";
    };
  }
}
