package dev.stigsmith.xml;

/** The build's entry point for instrumenting the official Schematron stylesheets once (see {@code pom.xml}). */
public final class SchematronBuildStep {
  private SchematronBuildStep() {}

  public static void main(String[] args) throws Exception {
    Schematron.prebuild(args);
  }
}
