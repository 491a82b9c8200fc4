package dev.stigsmith.xml;

/** Namespaces of the formats we write, with the prefixes we always give them. */
public final class Ns {
  private Ns() {}

  public static final String XCCDF12 = "http://checklists.nist.gov/xccdf/1.2";
  public static final String XCCDF11 = "http://checklists.nist.gov/xccdf/1.1";
  public static final String DC = "http://purl.org/dc/elements/1.1/";
  public static final String XHTML = "http://www.w3.org/1999/xhtml";
  public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  public static final String XLINK = "http://www.w3.org/1999/xlink";
  public static final String OVAL_COMMON = "http://oval.mitre.org/XMLSchema/oval-common-5";
  public static final String OVAL_DEF = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
  public static final String OVAL_DEF_WIN = "http://oval.mitre.org/XMLSchema/oval-definitions-5#windows";
  public static final String OVAL_DEF_IND = "http://oval.mitre.org/XMLSchema/oval-definitions-5#independent";
  public static final String OVAL_SC = "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5";
  public static final String OVAL_RES = "http://oval.mitre.org/XMLSchema/oval-results-5";
  public static final String CPE_DICT = "http://cpe.mitre.org/dictionary/2.0";
  public static final String CPE23_DICT = "http://scap.nist.gov/schema/cpe-extension/2.3";
  public static final String CPE_LANG = "http://cpe.mitre.org/language/2.0";
  public static final String OCIL = "http://scap.nist.gov/schema/ocil/2.0";
  public static final String DS = "http://scap.nist.gov/schema/scap/source/1.2";
  public static final String CAT = "urn:oasis:names:tc:entity:xmlns:xml:catalog";
  public static final String ARF = "http://scap.nist.gov/schema/asset-reporting-format/1.1";
  public static final String AI = "http://scap.nist.gov/schema/asset-identification/1.1";
  public static final String CORE = "http://scap.nist.gov/schema/reporting-core/1.1";
  public static final String XML = "http://www.w3.org/XML/1998/namespace";
}
