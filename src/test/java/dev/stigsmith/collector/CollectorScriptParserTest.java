package dev.stigsmith.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion from a real PowerShell grammar: tree-sitter-powershell (npm, WebAssembly build)
 * run by node from src/test/ps-parser. Skips when node or the parser is not installed
 * ({@code npm ci --ignore-scripts --prefix src/test/ps-parser}, as .ci/run does).
 */
class CollectorScriptParserTest {
  static final Path PARSER = Path.of("src/test/ps-parser");
  @TempDir static Path tmp;
  static Path broken;
  static Map<Path, Parsed> parsed;

  record Parsed(List<String> errors, Set<String> commands) {}

  @BeforeAll
  static void parseOnce() throws Exception {
    broken = tmp.resolve("broken.ps1");
    Files.writeString(broken, "function f {\n  if ($x) { 'a' }\n$y = @(1, 2\n");
    parsed = parse(CollectorScript.PATH.toAbsolutePath(), broken);
  }

  @Test
  void grammarParsesTheCollectorWithoutErrors() {
    assertThat(parsed.get(CollectorScript.PATH.toAbsolutePath()).errors()).as("syntax errors per tree-sitter-powershell").isEmpty();
  }

  @Test
  void grammarAndOurLexerFindTheSameCommands() throws Exception {
    Set<String> grammar = parsed.get(CollectorScript.PATH.toAbsolutePath()).commands();
    Set<String> ours = new TreeSet<>();
    for (PsLexer.Token t : PsLexer.tokens(Files.readString(CollectorScript.PATH, StandardCharsets.UTF_8))) {
      if (t.kind() == PsLexer.Kind.WORD && t.text().matches("[A-Za-z]+-[A-Za-z][A-Za-z0-9]*")) ours.add(t.text());
    }
    assertThat(grammar).contains("Get-CimInstance", "Add-PSSnapin");
    // Our lexer also sees the names in "function Verb-Noun" definitions, which the grammar does not call.
    assertThat(ours).containsAll(grammar);
  }

  @Test
  void grammarReportsABrokenScript() {
    assertThat(parsed.get(broken).errors()).isNotEmpty();
  }

  private static Map<Path, Parsed> parse(Path... scripts) throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(PARSER.resolve("node_modules/web-tree-sitter"))
        && Files.isDirectory(PARSER.resolve("node_modules/tree-sitter-powershell")),
        "tree-sitter-powershell not installed (npm ci --ignore-scripts --prefix src/test/ps-parser)");
    List<String> command = new ArrayList<>(List.of("node", PARSER.resolve("parse.cjs").toString()));
    for (Path s : scripts) command.add(s.toString());
    Process proc;
    try {
      proc = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      assumeTrue(false, "node is not on PATH");
      throw e;
    }
    byte[] out = proc.getInputStream().readAllBytes();
    assertThat(proc.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(proc.exitValue()).as("node parse.cjs").isZero();
    JsonNode json = new ObjectMapper().readTree(out);
    Map<Path, Parsed> result = new TreeMap<>();
    for (Path s : scripts) {
      JsonNode node = json.get(s.toString());
      List<String> errors = new ArrayList<>();
      node.get("errors").forEach(e -> errors.add(e.asText()));
      Set<String> commands = new TreeSet<>();
      node.get("commands").forEach(c -> commands.add(c.asText()));
      result.put(s, new Parsed(errors, commands));
    }
    return result;
  }
}
