package dev.stigsmith.oval.engine;

/** A test's {@code check_existence}, decided from the counts of item statuses (OVAL 5.11.2 tables). */
public enum ExistenceCheck {
  ALL_EXIST("all_exist"),
  ANY_EXIST("any_exist"),
  AT_LEAST_ONE_EXISTS("at_least_one_exists"),
  NONE_EXIST("none_exist"),
  ONLY_ONE_EXISTS("only_one_exists");

  private final String xml;

  ExistenceCheck(String xml) {
    this.xml = xml;
  }

  public String xml() {
    return xml;
  }

  /**
   * @param exists items with status exists
   * @param doesNotExist items with status does not exist
   * @param error items with status error
   * @param notCollected items with status not collected
   */
  public OvalResult evaluate(int exists, int doesNotExist, int error, int notCollected) {
    return switch (this) {
      case ALL_EXIST -> {
        if (doesNotExist > 0) yield OvalResult.FALSE;
        if (error > 0) yield OvalResult.ERROR;
        if (notCollected > 0) yield OvalResult.UNKNOWN;
        yield OvalResult.of(exists > 0);
      }
      case ANY_EXIST -> exists == 0 && error > 0 ? OvalResult.ERROR : OvalResult.TRUE;
      case AT_LEAST_ONE_EXISTS -> {
        if (exists > 0) yield OvalResult.TRUE;
        if (error > 0) yield OvalResult.ERROR;
        if (notCollected > 0) yield OvalResult.UNKNOWN;
        yield OvalResult.FALSE;
      }
      case NONE_EXIST -> {
        if (exists > 0) yield OvalResult.FALSE;
        if (error > 0) yield OvalResult.ERROR;
        if (notCollected > 0) yield OvalResult.UNKNOWN;
        yield OvalResult.TRUE;
      }
      case ONLY_ONE_EXISTS -> {
        if (exists > 1) yield OvalResult.FALSE;
        if (error > 0) yield OvalResult.ERROR;
        if (notCollected > 0) yield OvalResult.UNKNOWN;
        yield OvalResult.of(exists == 1);
      }
    };
  }

  public static ExistenceCheck fromXml(String s) {
    String v = s == null ? "at_least_one_exists" : s.trim();
    for (ExistenceCheck c : values()) if (c.xml.equals(v)) return c;
    throw new IllegalArgumentException("unknown check_existence '" + s + "'");
  }
}
