package dev.stigsmith.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector script as the tests see it: its text, and the two lists at its top (cmdlets run,
 * registry keys read), read from between their {@code # ---- stigsmith:NAME begin/end} markers.
 * Every line between the markers must be a comment, the array's opening or closing line, or one
 * entry, so an entry the tests cannot see cannot slip in.
 */
record CollectorScript(Path path, String text) {
  static final Path PATH = Path.of("content/collectors/Collect-ExchangeStigData.ps1");

  private static final Pattern CMDLET_ENTRY =
      Pattern.compile("\\s*@\\{ Name = '([A-Za-z]+-[A-Za-z0-9]+)';\\s+Parameters = @\\{(.*)\\} \\}\\s*");
  private static final Pattern FOLDER_ENTRY = Pattern.compile(
      "\\s*@\\{ Key = '(HKLM\\\\[^']+)'; Name = '([A-Za-z0-9_]+)'; Append = '([^'\\\\]*(?:\\\\[^'\\\\]+)*)' \\}\\s*");
  private static final Pattern REGISTRY_ENTRY = Pattern.compile("\\s*'((?:HKLM)\\\\[^']+)'\\s*");

  static CollectorScript load() throws IOException {
    return new CollectorScript(PATH, Files.readString(PATH, StandardCharsets.UTF_8));
  }

  /** Cmdlet name → its parameters as written ("" when none), in script order. */
  Map<String, String> cmdlets() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : entries("cmdlets", "$Cmdlets = @(")) {
      Matcher m = CMDLET_ENTRY.matcher(line);
      if (!m.matches()) throw new AssertionError(path + ": not a cmdlet entry: " + line.strip());
      if (out.put(m.group(1), m.group(2).strip()) != null) throw new AssertionError(path + ": cmdlet listed twice: " + m.group(1));
    }
    return out;
  }

  List<String> registryKeys() {
    List<String> out = new ArrayList<>();
    for (String line : entries("registry", "$RegistryKeys = @(")) {
      Matcher m = REGISTRY_ENTRY.matcher(line);
      if (!m.matches()) throw new AssertionError(path + ": not a registry key entry: " + line.strip());
      out.add(m.group(1));
    }
    return out;
  }

  /** The $FolderRights list as "HKLM\\key|value name|appended path". */
  List<String> folders() {
    return registryPaths("folders", "$FolderRights = @(");
  }

  /** The $XmlFiles list, in the same form as {@link #folders()}. */
  List<String> xmlFiles() {
    return registryPaths("xmlfiles", "$XmlFiles = @(");
  }

  private List<String> registryPaths(String block, String opening) {
    List<String> out = new ArrayList<>();
    for (String line : entries(block, opening)) {
      Matcher m = FOLDER_ENTRY.matcher(line);
      if (!m.matches()) throw new AssertionError(path + ": not a " + block + " entry: " + line.strip());
      out.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
    }
    return out;
  }

  private List<String> entries(String block, String opening) {
    String begin = "# ---- stigsmith:" + block + " begin";
    String end = "# ---- stigsmith:" + block + " end";
    List<String> lines = text.lines().toList();
    int from = indexStartingWith(lines, begin);
    int to = indexStartingWith(lines, end);
    if (from < 0 || to < from) throw new AssertionError(path + ": no '" + begin + "' … '" + end + "' block");
    List<String> out = new ArrayList<>();
    boolean opened = false;
    boolean closed = false;
    for (String line : lines.subList(from + 1, to)) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) continue;
      if (s.equals(opening) && !opened) {
        opened = true;
      } else if (s.equals(")") && opened && !closed) {
        closed = true;
      } else if (opened && !closed) {
        out.add(line);
      } else {
        throw new AssertionError(path + ": unexpected line in the " + block + " block: " + s);
      }
    }
    if (!opened || !closed) throw new AssertionError(path + ": the " + block + " block must hold '" + opening + "' … ')'");
    return out;
  }

  private static int indexStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
    return -1;
  }
}
