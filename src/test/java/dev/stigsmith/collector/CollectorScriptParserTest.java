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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second opinion from a real PowerShell grammar: tree-sitter-powershell (npm, WebAssembly build)
 * run by node from src/test/ps-parser. Skips when node or the parser is not installed
 * ({@code npm ci --ignore-scripts --prefix src/test/ps-parser}, as .ci/run does).
 */
class CollectorScriptParserTest {
  static final Path PARSER = Path.of("src/test/ps-parser");
  @TempDir Path tmp;

  record Parsed(List<String> errors, Set<String> commands) {}

  @Test
  void grammarParsesTheCollectorWithoutErrors() throws Exception {
    Parsed p = parse(CollectorScript.PATH);
    assertThat(p.errors()).as("syntax errors per tree-sitter-powershell").isEmpty();
  }

  @Test
  void grammarAndOurLexerFindTheSameCommands() throws Exception {
    Parsed p = parse(CollectorScript.PATH);
    Set<String> ours = new TreeSet<>();
    for (PsLexer.Token t : PsLexer.tokens(Files.readString(CollectorScript.PATH, StandardCharsets.UTF_8))) {
      if (t.kind() == PsLexer.Kind.WORD && t.text().matches("[A-Za-z]+-[A-Za-z][A-Za-z0-9]*")) ours.add(t.text());
    }
    // Our lexer also sees the names in "function Verb-Noun" definitions, which the grammar does not call.
    assertThat(ours).containsAll(p.commands());
    assertThat(p.commands()).contains("Get-CimInstance", "Add-PSSnapin");
  }

  @Test
  void grammarReportsABrokenScript() throws Exception {
    Path bad = tmp.resolve("bad.ps1");
    Files.writeString(bad, "function f {\n  if ($x) { 'a' \n}\n$y = @(1, 2\n");
    assertThat(parse(bad).errors()).isNotEmpty();
  }

  private static Parsed parse(Path script) throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(PARSER.resolve("node_modules/web-tree-sitter"))
        && Files.isDirectory(PARSER.resolve("node_modules/tree-sitter-powershell")),
        "tree-sitter-powershell not installed (npm ci --ignore-scripts --prefix src/test/ps-parser)");
    Process proc;
    try {
      proc = new ProcessBuilder("node", PARSER.resolve("parse.cjs").toString(), script.toAbsolutePath().toString())
          .redirectErrorStream(false).start();
    } catch (IOException e) {
      assumeTrue(false, "node is not on PATH");
      throw e;
    }
    byte[] out = proc.getInputStream().readAllBytes();
    String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(proc.exitValue()).as(err).isZero();
    JsonNode json = new ObjectMapper().readTree(out);
    List<String> errors = new ArrayList<>();
    json.get("errors").forEach(e -> errors.add(e.asText()));
    Set<String> commands = new TreeSet<>();
    json.get("commands").forEach(c -> commands.add(c.asText()));
    return new Parsed(errors, commands);
  }
}
