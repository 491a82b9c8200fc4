package dev.stigsmith.validate;

import java.nio.file.Path;

/**
 * @param schematron run the official Schematron after the XSDs
 * @param lint our own authoring rules (unused items, STIG ids and fields) besides the reference checks
 * @param schemaDir where DISA's checklist schemas are (CKL XSD, CKLB JSON schema); null when not given
 * @param jobs files validated at once
 */
public record Options(boolean schematron, boolean lint, Path schemaDir, int jobs) {
  public static Options defaults() {
    return new Options(true, true, null, Runtime.getRuntime().availableProcessors());
  }
}
