package dev.stigsmith.content;

import dev.stigsmith.model.AutomatedCheck;
import dev.stigsmith.model.Datatype;
import dev.stigsmith.model.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code automated: {same_as: STIG-ID}}: a rule whose check is the one another rule (usually of
 * another benchmark, e.g. Exchange 2016 Edge for Exchange 2019 Edge) states, so the check is written once.
 * The home rule is looked up by STIG ID in the loaded benchmark's own folder and in every other benchmark
 * folder of the content root; its {@code automated:} section is read as if the reusing rule had written it,
 * against the reusing benchmark's site Values, which must declare every Value the check reads.
 */
final class SharedChecks {
  static final String SAME_AS = "same_as";

  private final Path ownDir;
  private final Path root;
  private final Path ownBenchmarkFile;
  private final Map<String, Value> ownValues;

  /**
   * @param ownDir the benchmark folder being loaded (its own rules are candidates too)
   * @param root the folder holding the benchmark folders; those other than one named like {@code ownDir}
   *     are searched (so a staged copy of a folder does not find its original)
   */
  SharedChecks(Path ownDir, Path root, Map<String, Value> ownValues) {
    this.ownDir = ownDir;
    this.root = root;
    this.ownBenchmarkFile = ownDir.resolve(ContentLoader.BENCHMARK_FILE);
    this.ownValues = Map.copyOf(ownValues);
  }

  static boolean isReference(Node.Mapping automated) {
    return automated.fields().containsKey(SAME_AS);
  }

  /** The check {@code automated.same_as} names, read for this benchmark. */
  AutomatedCheck resolve(Node.Mapping automated, String reusingStigId) throws ContentException {
    automated.allow(SAME_AS);
    Node ref = automated.require(SAME_AS);
    String stigId = automated.text(SAME_AS).trim();
    if (stigId.equalsIgnoreCase(reusingStigId)) throw ref.error("a rule cannot reuse its own check");
    Path homeFile = find(ref, stigId);
    Node.Mapping home = YamlSource.read(homeFile);
    if (!home.has("automated")) {
      throw ref.error(stigId + " (" + homeFile + ") is manual: it has no automated check to reuse");
    }
    Node.Mapping homeCheck = ContentLoader.asMap(home.require("automated"));
    if (isReference(homeCheck)) {
      throw ref.error(stigId + " itself reuses the check of " + homeCheck.optText(SAME_AS, "?")
          + ": name that rule instead (a check is reused from the rule that states it)");
    }
    ValueRefs refs = new ValueRefs();
    AutomatedCheck check = ContentLoader.CheckSource.read(homeCheck, refs);
    Map<String, Datatype> homeTypes = valueTypes(homeFile.getParent().getParent().getParent());
    for (String id : refs.read) {
      Value own = ownValues.get(id);
      Datatype type = homeTypes.get(id);
      if (own == null) {
        throw ref.error(stigId + "'s check reads site value '" + id + "', which " + ownBenchmarkFile
            + " does not declare: add it under 'values:'" + (type == null ? "" : " (type " + type.oval() + ")"));
      }
      if (type != null && type != own.type()) {
        throw ref.error(stigId + "'s check reads site value '" + id + "' as " + type.oval() + ", but " + ownBenchmarkFile
            + " declares it as " + own.type().oval());
      }
    }
    return check;
  }

  /** The one rule.yaml of {@code stigId} among the benchmark folders. */
  private Path find(Node ref, String stigId) throws ContentException {
    if (!stigId.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) throw ref.error("'" + stigId + "' is not a STIG ID");
    List<Path> dirs = new ArrayList<>();
    dirs.add(ownDir);
    if (root != null && Files.isDirectory(root)) {
      try {
        for (Path d : ContentLoader.benchmarkDirs(root)) {
          if (!d.getFileName().equals(ownDir.getFileName())) dirs.add(d);
        }
      } catch (ContentException e) {
        // a root without benchmark folders: only the own folder is searched
      }
    }
    List<Path> found = new ArrayList<>();
    for (Path d : dirs) {
      Path f = d.resolve("rules").resolve(stigId).resolve(ContentLoader.RULE_FILE);
      if (Files.isRegularFile(f)) found.add(f);
    }
    if (found.isEmpty()) {
      throw ref.error("no rule " + stigId + " in any benchmark folder of " + (root != null ? root : ownDir));
    }
    if (found.size() > 1) throw ref.error(stigId + " is ambiguous: " + found);
    return found.get(0);
  }

  /** Value ids and types the home benchmark declares; its own load reports anything malformed. */
  private static Map<String, Datatype> valueTypes(Path benchmarkDir) {
    Map<String, Datatype> out = new java.util.HashMap<>();
    try {
      Node.Mapping b = YamlSource.read(benchmarkDir.resolve(ContentLoader.BENCHMARK_FILE));
      for (Node n : b.list("values")) {
        Node.Mapping v = ContentLoader.asMap(n);
        out.put(v.text("id"), v.optParsed("type", Datatype::parse, Datatype.STRING));
      }
    } catch (ContentException | RuntimeException e) {
      // types are then not compared; the home benchmark's own load names the problem
    }
    return out;
  }

  /**
   * The check parser validates each {@code value_ref} by asking whether the benchmark has it; here every
   * id is accepted and remembered, so the reusing benchmark can be asked afterwards with a message that
   * names the reuse rather than a line in the home rule.
   */
  private static final class ValueRefs extends AbstractSet<String> {
    final Set<String> read = new LinkedHashSet<>();

    @Override
    public boolean contains(Object o) {
      read.add((String) o);
      return true;
    }

    @Override
    public Iterator<String> iterator() { return read.iterator(); }

    @Override
    public int size() { return read.size(); }
  }
}
