package dev.stigsmith.export;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.results.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a TestResult into the checklist and report formats, in memory, so that a caller writes
 * all files or none. Answer files and a previous checklist are applied here, once, for every format.
 */
public final class ResultExports {
  private ResultExports() {}

  /** Files by name, plus what the user should hear about answers and merging. */
  public record Rendered(TestResult testResult, Map<String, byte[]> files, List<String> notes) {}

  public static Rendered render(TestResult tr, Set<ResultFormat> formats, Path answers, Path previous,
      String writerName) throws ContentException, ChecklistInputException {
    return render(tr, formats, answers == null ? null : AnswerFile.load(answers),
        previous == null ? null : ChecklistReader.read(previous), writerName);
  }

  /** As above with the answer file and previous checklist already read (once per run, for many hosts). */
  public static Rendered render(TestResult tr, Set<ResultFormat> formats, AnswerFile answers, ChecklistData previous,
      String writerName) throws ChecklistInputException {
    List<String> notes = new ArrayList<>();
    if (answers != null) {
      AnswerFile.Applied applied = answers.apply(tr);
      tr = applied.result();
      applied.warnings().forEach(w -> notes.add("warning: " + w));
      applied.skipped().forEach(s -> notes.add("skipped answer: " + s));
    }
    Checklist checklist = Checklist.from(tr);
    if (previous != null) {
      ChecklistMerge.Result merged = ChecklistMerge.merge(previous, checklist);
      checklist = merged.checklist();
      merged.notes().forEach(n -> notes.add("merge: " + n));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    String host = safeFileName(checklist.hostName());
    if (formats.contains(ResultFormat.STIG_MANAGER)) files.put("xccdf-stig-manager.xml", new StigManagerXccdfWriter().toBytes(tr));
    if (formats.contains(ResultFormat.CKL)) files.put(host + ".ckl", new CklWriter(writerName).toBytes(checklist));
    if (formats.contains(ResultFormat.CKLB)) files.put(host + ".cklb", new CklbWriter().toBytes(checklist));
    if (formats.contains(ResultFormat.HTML)) files.put("report.html", new HtmlReportWriter().toBytes(tr));
    if (formats.contains(ResultFormat.JSON)) files.put("summary.json", new JsonSummaryWriter().toBytes(tr));
    if (formats.contains(ResultFormat.JUNIT)) files.put("junit.xml", new JUnitWriter().toBytes(tr));
    return new Rendered(tr, files, notes);
  }

  private static final java.util.regex.Pattern NOT_PORTABLE = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");
  private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");

  /** Host names become file and folder names; keep them portable. */
  public static String safeFileName(String name) {
    String s = name == null ? "" : NOT_PORTABLE.matcher(name).replaceAll("_");
    if (s.length() > 100) s = s.substring(0, 100);
    // Windows device names stay devices whatever the extension: CON.ckl is the console.
    if (DEVICE.matcher(s).matches()) s = "_" + s;
    return s.isEmpty() || s.startsWith(".") ? "host" : s;
  }
}
