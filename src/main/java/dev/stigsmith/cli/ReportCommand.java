package dev.stigsmith.cli;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.export.ChecklistGuard;
import dev.stigsmith.export.ChecklistInputException;
import dev.stigsmith.io.OutputSet;
import dev.stigsmith.export.ResultExports;
import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.xccdf.TestResultReader;
import dev.stigsmith.xml.XmlInputException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Convert existing XCCDF 1.2 results (ours, or another tool's with DISA rule ids) into checklists and reports,",
      "written to OUT/<host>/.",
    },
    exitCodeOnInvalidInput = 1,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:files written", "1:bad input (nothing written)"})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RESULTS.xml", description = "XCCDF 1.2 results: a Benchmark holding a TestResult.")
  Path results;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "ckl,cklb,html,json,junit,stig-manager",
      description = "Formats, comma-separated: stig-manager, ckl, cklb, html, json, junit (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin ResultOptions extras;

  @Option(names = "--force", description = "Overwrite <host>.ckl/.cklb even if stigsmith did not write it or it was edited since.")
  boolean force;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Set<ResultFormat> formats = ResultOptions.formats(spec, format);
    formats.removeIf(ResultFormat::needsEvaluation);
    if (formats.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format: xccdf and arf need an evaluation; use 'stigsmith evaluate' for them");
    }
    try {
      TestResult tr = TestResultReader.read(results);
      ResultExports.Rendered r = ResultExports.render(tr, formats, extras.answers, extras.previous, "stigsmith " + Version.current());
      Path dir = out.resolve(ResultExports.safeFileName(tr.target().hostName()));
      r.notes().forEach(n -> spec.commandLine().getOut().println(n));
      OutputSet set = OutputSet.in(dir).force(force);
      r.files().forEach((name, bytes) ->
          set.add(name, bytes, ChecklistGuard.isChecklist(name) ? ChecklistGuard.guard(extras.previous) : null));
      for (Path p : set.commit()) spec.commandLine().getOut().println("wrote " + p);
      return 0;
    } catch (OutputSet.Refused e) {
      throw new UserError(e.getMessage(), 1);
    } catch (XmlInputException e) {
      throw new UserError(e.oneLine(), 1);
    } catch (ContentException | ChecklistInputException e) {
      throw new UserError(e.getMessage(), 1);
    }
  }
}
