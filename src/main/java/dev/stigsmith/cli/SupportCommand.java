package dev.stigsmith.cli;

import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.oval.probe.SupportedObjects;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "support",
    mixinStandardHelpOptions = true,
    description = "List what the evaluator can collect and write: OVAL object types, host-data shapes, result formats.")
final class SupportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("OVAL objects collected from host data (any other type is reported 'not collected', never passed):");
    SupportedObjects.list().forEach((type, what) -> out.printf("  %-37s %s%n", type, what));
    out.println("  (set objects of these types, with filters and set operators)");
    out.println("Host data: collector JSON (format stigsmith-hostdata v1), ConvertTo-Json, Export-Clixml, Export-Csv, or a folder of them");
    out.println("Result formats: " + String.join(", ", Arrays.stream(ResultFormat.values()).map(ResultFormat::cli).toList()));
    return 0;
  }
}
