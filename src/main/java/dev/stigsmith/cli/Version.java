package dev.stigsmith.cli;

import picocli.CommandLine;

public final class Version implements CommandLine.IVersionProvider {
  /** The release this build is; also what TestResult@test-system names. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"stigsmith " + current()};
  }
}
