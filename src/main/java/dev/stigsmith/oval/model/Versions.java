package dev.stigsmith.oval.model;

/** The product version our OVAL documents name in their generator. */
public final class Versions {
  private Versions() {}

  public static String product() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
