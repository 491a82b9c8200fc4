package dev.stigsmith.cli;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.importer.AuditItem;
import dev.stigsmith.importer.AuditItemImporter;
import dev.stigsmith.importer.ImportException;
import dev.stigsmith.model.Benchmark;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "audit-text",
    mixinStandardHelpOptions = true,
    description = {
      "Read a scanner vendor's audit item page (plain text) and report which of our rules it checks and whether",
      "its rule revision is current, older (naming the revision that replaced it) or newer than ours.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:matched one of our rules", "1:no rule of ours matches", "2:bad input"})
final class ImportAuditTextCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The audit item page saved as text.")
  Path file;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder: one benchmark folder, or a folder of them (default: ${DEFAULT-VALUE}).")
  Path content;

  @Override
  public Integer call() {
    try {
      AuditItem item = AuditItemImporter.read(file);
      AuditItemImporter.Match best = null;
      for (Path dir : ContentLoader.benchmarkDirs(content)) {
        Benchmark b = ContentLoader.load(dir);
        AuditItemImporter.Match m = AuditItemImporter.match(item, b);
        if (m.ours() != null) {
          best = m;
          break;
        }
        if (best == null) best = m;
      }
      spec.commandLine().getOut().print(best.describe());
      return best.ours() == null ? 1 : 0;
    } catch (ImportException | ContentException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }
}
