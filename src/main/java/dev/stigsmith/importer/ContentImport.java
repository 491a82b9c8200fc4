package dev.stigsmith.importer;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.content.ContentWriter;
import dev.stigsmith.content.Node;
import dev.stigsmith.content.YamlSource;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Fix;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A DISA release into content sources: a new benchmark folder, or a re-import into an existing one
 * that keeps what we wrote ourselves (automated checks, remediation scripts, platform, values) and
 * the revision history, moving a revision DISA replaced into {@code history}.
 */
public final class ContentImport {
  private ContentImport() {}

  public enum Kind { ADDED, REVISED, CHANGED, KEPT_NEWER, NOT_IN_RELEASE, RENUMBERED }

  /** One rule's fate in the import; {@code detail} says what changed. */
  public record Change(Kind kind, String stigId, String vulnId, String detail) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-14s %s %s%s", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          stigId, vulnId, detail.isEmpty() ? "" : ": " + detail);
    }
  }

  public record Report(String benchmarkId, Path folder, boolean created, List<Change> changes, int unchanged,
      List<String> unknownCcis, List<Path> written) {
    public Report {
      changes = List.copyOf(changes);
      unknownCcis = List.copyOf(unknownCcis);
      written = List.copyOf(written);
    }
  }

  /**
   * Imports {@code xccdf} under {@code content} (a folder of benchmark folders, or one benchmark
   * folder). The benchmark folder is the one whose id matches, else {@code folderName} (default: a
   * name derived from the id). Nothing is written unless the whole result loads back as it should.
   */
  public static Report importDisa(Path xccdf, Path content, String folderName) throws ImportException, ContentException {
    if (folderName != null && !folderName.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}")) {
      throw new ContentException("--folder " + folderName + ": a folder name is letters, digits, '_', '-' or '.',"
          + " not starting with '.' (no path)");
    }
    Path root = Files.isRegularFile(content.resolve(ContentLoader.BENCHMARK_FILE)) ? content.toAbsolutePath().getParent() : content;
    Path cciFile = root.resolve(ContentLoader.CCI_FILE);
    Map<String, Cci> known = Files.isRegularFile(cciFile) ? ContentLoader.loadCcis(cciFile) : Map.of();
    DisaBenchmarkImporter.Result imported = DisaBenchmarkImporter.read(xccdf, known);
    Benchmark in = imported.benchmark();

    Path existingDir = findBenchmark(root, in.id());
    String folder = existingDir != null ? existingDir.getFileName().toString()
        : folderName != null ? folderName : defaultFolder(in.id());
    List<Change> changes = new ArrayList<>();
    Benchmark result;
    Map<String, String> automatedText = new TreeMap<>();
    int unchanged;
    if (existingDir == null) {
      if (Files.exists(root.resolve(folder))) throw new ContentException(root.resolve(folder) + ": exists but holds benchmark other than " + in.id());
      for (Rule r : in.currentRules()) changes.add(new Change(Kind.ADDED, r.stigId(), r.vulnId(), r.ruleId().toString()));
      result = in;
      unchanged = 0;
    } else {
      Benchmark old = ContentLoader.load(existingDir);
      result = merge(old, in, changes);
      unchanged = (int) (result.currentRules().size() - changes.stream().filter(c -> c.kind() != Kind.NOT_IN_RELEASE).count());
      for (Rule r : old.currentRules()) {
        Path ruleFile = existingDir.resolve("rules").resolve(r.stigId()).resolve(ContentLoader.RULE_FILE);
        String text = Files.isRegularFile(ruleFile) ? ContentWriter.automatedSection(ruleFile) : null;
        if (text != null) automatedText.put(r.stigId(), text);
      }
    }
    List<Path> written = ContentWriter.write(result, root, folder, automatedText);
    return new Report(in.id(), root.resolve(folder), existingDir == null, changes, unchanged, imported.unknownCcis(), written);
  }

  /** "MS_Exchange_2016_Edge_Transport_Server_STIG" → "ms-exchange-2016-edge-transport-server-stig". */
  static String defaultFolder(String id) {
    return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static Path findBenchmark(Path root, String id) throws ContentException {
    if (!Files.isDirectory(root)) return null;
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(p -> Files.isRegularFile(p.resolve(ContentLoader.BENCHMARK_FILE))).sorted().toList();
    } catch (IOException e) {
      throw new ContentException(root + ": cannot list: " + e.getMessage());
    }
    for (Path d : dirs) {
      Node.Mapping m = YamlSource.read(d.resolve(ContentLoader.BENCHMARK_FILE));
      if (id.equals(m.optText("id", null))) return d;
    }
    return null;
  }

  /**
   * Existing content updated with a newer release. Rules are matched by Vuln ID, then STIG ID; rules
   * missing from the release are kept (DISA may have withdrawn them: a person decides) and reported.
   */
  public static Benchmark merge(Benchmark old, Benchmark in, List<Change> changes) {
    List<Rule> rules = new ArrayList<>();
    List<Rule> matchedOld = new ArrayList<>();
    for (Rule n : in.currentRules()) {
      Rule cur = old.currentRuleForVulnId(n.vulnId()).or(() -> old.currentRuleForStigId(n.stigId())).orElse(null);
      if (cur == null) {
        changes.add(new Change(Kind.ADDED, n.stigId(), n.vulnId(), n.ruleId().toString()));
        rules.add(n);
        continue;
      }
      matchedOld.add(cur);
      List<Rule> history = history(old, cur);
      List<String> diffs = differences(cur, n);
      if (!cur.ruleId().number().equals(n.ruleId().number())) {
        // History must share the rule number; a renumbered rule starts a new history.
        changes.add(new Change(Kind.RENUMBERED, n.stigId(), n.vulnId(), cur.ruleId() + " → " + n.ruleId()
            + (history.isEmpty() ? "" : " (" + history.size() + " old revision(s) dropped)")));
        rules.add(keepOurs(n, cur, n.release(), n.statusDate()));
      } else if (n.ruleId().equals(cur.ruleId())) {
        if (!diffs.isEmpty()) changes.add(new Change(Kind.CHANGED, n.stigId(), n.vulnId(), "same revision, changed " + String.join(", ", diffs)));
        Rule kept = keepOurs(n, cur, cur.release(), cur.statusDate());
        rules.add(kept);
        rules.addAll(rebase(history, kept));
      } else if (n.ruleId().compareTo(cur.ruleId()) > 0) {
        changes.add(new Change(Kind.REVISED, n.stigId(), n.vulnId(), cur.ruleId() + " → " + n.ruleId()
            + (diffs.isEmpty() ? " (text unchanged)" : ", changed " + String.join(", ", diffs))));
        Rule now = keepOurs(n, cur, n.release(), n.statusDate());
        rules.add(now);
        List<Rule> older = new ArrayList<>();
        older.add(cur);
        older.addAll(history);
        rules.addAll(rebase(older, now));
      } else {
        changes.add(new Change(Kind.KEPT_NEWER, n.stigId(), n.vulnId(), "content has " + cur.ruleId() + ", newer than the file's " + n.ruleId()));
        rules.add(cur);
        rules.addAll(history);
      }
    }
    for (Rule cur : old.currentRules()) {
      if (matchedOld.contains(cur)) continue;
      changes.add(new Change(Kind.NOT_IN_RELEASE, cur.stigId(), cur.vulnId(), "not in " + in.versionRelease() + "; kept"));
      rules.add(cur);
      rules.addAll(history(old, cur));
    }
    rules.sort(Comparator.comparingLong(Rule::vulnNumber).thenComparing(Rule::ruleId, Comparator.reverseOrder()));
    Map<String, Cci> ccis = new TreeMap<>(old.ccis());
    in.ccis().forEach(ccis::putIfAbsent);
    return new Benchmark(in.id(), in.title(), in.description(), in.version(), in.release(), in.benchmarkDate(),
        in.status(), in.statusDate(), in.notice(), in.source(), old.classification(),
        in.reference() != null ? in.reference() : old.reference(), old.platform(), profiles(old, in), old.values(), rules, ccis);
  }

  /** DISA's profiles; where DISA gives a profile no description, the one we wrote is kept. */
  private static List<dev.stigsmith.model.Profile> profiles(Benchmark old, Benchmark in) {
    List<dev.stigsmith.model.Profile> out = new ArrayList<>();
    for (dev.stigsmith.model.Profile p : in.profiles()) {
      String ours = old.profiles().stream().filter(o -> o.id().equals(p.id())).map(dev.stigsmith.model.Profile::description)
          .findFirst().orElse("");
      out.add(p.description().isEmpty() && !ours.isEmpty()
          ? new dev.stigsmith.model.Profile(p.id(), p.title(), ours, p.selectedVulnIds()) : p);
    }
    return out;
  }

  private static List<Rule> history(Benchmark b, Rule current) {
    return b.rules().stream()
        .filter(r -> !r.current() && r.ruleId().number().equals(current.ruleId().number()))
        .sorted(Comparator.comparing(Rule::ruleId).reversed()).toList();
  }

  /** DISA's text with our automated check and remediation script. */
  private static Rule keepOurs(Rule n, Rule cur, String release, java.time.LocalDate statusDate) {
    return new Rule(n.vulnId(), n.ruleId(), n.stigId(), n.srg(), n.title(), n.severity(), n.weight(), n.description(),
        n.ccis(), n.legacyIds(), n.check(), new Fix(n.fix().id(), n.fix().text(), cur.fix().script()), n.status(),
        statusDate, release, null, cur.automated(), cur.manualReason(), cur.checkSameAs());
  }

  /**
   * Old revisions as content stores them: their own id, title, check and fix, the rest shared with
   * the current revision, each superseded by the next newer one.
   */
  private static List<Rule> rebase(List<Rule> olderNewestFirst, Rule current) {
    List<Rule> out = new ArrayList<>();
    Rule newer = current;
    for (Rule o : olderNewestFirst) {
      Rule r = new Rule(current.vulnId(), o.ruleId(), current.stigId(), current.srg(), o.title(), current.severity(),
          current.weight(), current.description(), current.ccis(), current.legacyIds(), o.check(),
          new Fix(o.fix().id(), o.fix().text(), null), Status.DEPRECATED, o.statusDate(), o.release(), newer.ruleId(), null);
      out.add(r);
      newer = r;
    }
    return out;
  }

  private static Description withoutDiscussion(Description d) {
    return new Description("", d.falsePositives(), d.falseNegatives(), d.documentable(), d.mitigations(),
        d.severityOverrideGuidance(), d.potentialImpacts(), d.thirdPartyTools(), d.mitigationControl(),
        d.responsibility(), d.iaControls());
  }

  /** Names of the DISA fields that differ between two revisions. */
  public static List<String> differences(Rule a, Rule b) {
    Map<String, Boolean> same = new LinkedHashMap<>();
    same.put("STIG ID", a.stigId().equals(b.stigId()));
    same.put("SRG", a.srg().equals(b.srg()));
    same.put("title", a.title().equals(b.title()));
    same.put("severity", a.severity() == b.severity());
    same.put("weight", a.weight().equals(b.weight()));
    same.put("discussion", a.description().vulnDiscussion().equals(b.description().vulnDiscussion()));
    same.put("other description fields", Objects.equals(
        withoutDiscussion(a.description()), withoutDiscussion(b.description())));
    same.put("CCIs", a.ccis().equals(b.ccis()));
    same.put("legacy ids", a.legacyIds().equals(b.legacyIds()));
    same.put("check id", a.check().id().equals(b.check().id()));
    same.put("check text", a.check().text().equals(b.check().text()));
    same.put("fix id", a.fix().id().equals(b.fix().id()));
    same.put("fix text", a.fix().text().equals(b.fix().text()));
    return same.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
  }
}
