package dev.stigsmith.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --hosts}: a synthetic estate with corrupt files, checked against the generator's truth. */
class FleetTest {
  @TempDir Path tmp;

  @Test
  void thousandHostsWithTwentyTruncatedFilesMatchTheGeneratorsTruth() throws Exception {
    List<SyntheticFleet.Host> hosts = SyntheticFleet.generate(Content.root().resolve("samples/edge-compliant.json"),
        tmp.resolve("fleet"), 1000, 20, 7);
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("evaluate", "--hosts", tmp.resolve("fleet/hosts").toString(), "--out", out.toString(),
        "--format", "ckl", "--jobs", "2", "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1); // the worst outcome: unreadable files
    assertThat(r.out()).contains("1000 host files: 980 evaluated, 20 unreadable");

    JsonNode summary = new ObjectMapper().readTree(out.resolve("fleet-summary.json").toFile());
    assertThat(summary.at("/complete").asBoolean()).isTrue();
    assertThat(summary.at("/totals/evaluated").asInt()).isEqualTo(980);
    assertThat(summary.at("/totals/unreadable").asInt()).isEqualTo(20);
    long truthFail170 = hosts.stream().filter(h -> !h.corrupt() && !h.passes170()).count();
    JsonNode rule170 = null;
    for (JsonNode rule : summary.get("rules")) if (rule.get("stigId").asText().equals("EX16-ED-000170")) rule170 = rule;
    assertThat(rule170).isNotNull();
    assertThat(rule170.path("fail").asInt()).isEqualTo(truthFail170);
    assertThat(rule170.path("pass").asInt()).isEqualTo(980 - truthFail170);

    Map<String, JsonNode> byFile = new HashMap<>();
    for (JsonNode h : summary.get("hosts")) byFile.put(Path.of(h.get("file").asText()).getFileName().toString(), h);
    assertThat(byFile).hasSize(1000);
    for (SyntheticFleet.Host h : hosts) {
      JsonNode e = byFile.get(h.file().getFileName().toString());
      if (h.corrupt()) {
        assertThat(e.get("status").asText()).isEqualTo("unreadable");
        assertThat(e.get("error").asText()).contains(h.file().getFileName().toString()).doesNotContain("\n");
        assertThat(Files.readString(out.resolve(e.get("folder").asText()).resolve("error.txt"))).contains("not valid JSON");
      } else {
        assertThat(e.get("host").asText()).isEqualTo(h.name());
        assertThat(e.at("/results/EX16-ED-000170").asText()).as(h.name()).isEqualTo(h.passes170() ? "pass" : "fail");
        assertThat(out.resolve(h.name()).resolve(h.name() + ".ckl")).isRegularFile();
      }
    }
    // Matrix: a header and one line per host file, a column per rule.
    List<String> csv = Files.readAllLines(out.resolve("fleet-summary.csv"));
    assertThat(csv).hasSize(1001);
    assertThat(csv.get(0)).startsWith("file,host,folder,benchmark,status,exit_code,score,note,EX16-ED-000010,");
    assertThat(Files.readString(out.resolve("index.html"))).contains("1000 host files: 980 evaluated, 20 unreadable")
        .contains("href=\"EDGE00001/\"");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).isEmpty();
    }
  }

  @Test
  void twoFilesNamingOneHostKeepBothAndSaySo() throws Exception {
    Path hostsDir = tmp.resolve("hosts");
    Files.createDirectories(hostsDir);
    Path sample = Content.root().resolve("samples/edge-noncompliant.json");
    Files.copy(sample, hostsDir.resolve("a-edge02.json"));
    Files.copy(sample, hostsDir.resolve("b-edge02-again.json"));
    Files.copy(Content.root().resolve("samples/edge-compliant.json"), hostsDir.resolve("c-edge01.json"));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("evaluate", "--hosts", hostsDir.resolve("*.json").toString(), "--out", out.toString(),
        "--format", "xccdf,ckl", "--timestamp", "2024-02-01T00:00:00Z", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(out.resolve("EDGE02/xccdf-results.xml")).isRegularFile();
    assertThat(out.resolve("EDGE02~2/EDGE02.ckl")).isRegularFile();
    assertThat(Files.readString(out.resolve("fleet-summary.csv"))).contains("EDGE02~2").contains("same host as");
    assertThat(r.err()).contains("names host EDGE02");
    // Fleet results are the single-host results.
    Path single = tmp.resolve("single");
    Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data", sample.toString(), "--out", single.toString(),
        "--format", "xccdf,ckl", "--timestamp", "2024-02-01T00:00:00Z");
    for (String f : List.of("xccdf-results.xml", "xccdf-testresult.xml", "oval-results.xml", "EDGE02.ckl")) {
      assertThat(Files.readAllBytes(out.resolve("EDGE02").resolve(f))).as(f).isEqualTo(Files.readAllBytes(single.resolve("EDGE02").resolve(f)));
    }
  }

  @Test
  void aRerunReplacesHostFoldersWholeAndLeavesNoPartials() throws Exception {
    Path hostsDir = tmp.resolve("hosts");
    Files.createDirectories(hostsDir);
    Files.copy(Content.root().resolve("samples/edge-compliant.json"), hostsDir.resolve("edge01.json"));
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve(".partial-EDGE01-dead"));
    Files.createDirectories(out.resolve("EDGE01"));
    Files.writeString(out.resolve("EDGE01/stale.txt"), "from an older run");
    Cli.Result r = Cli.run("evaluate", "--hosts", hostsDir.toString(), "--out", out.toString(), "--format", "json", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("EDGE01/summary.json")).isRegularFile();
    assertThat(out.resolve("EDGE01/stale.txt")).doesNotExist();
    assertThat(out.resolve(".partial-EDGE01-dead")).doesNotExist();
  }

  @Test
  void aChecklistSomeoneElseWroteInAHostFolderIsKeptUnlessForced() throws Exception {
    Path hostsDir = tmp.resolve("hosts");
    Files.createDirectories(hostsDir);
    Files.copy(Content.root().resolve("samples/edge-compliant.json"), hostsDir.resolve("edge01.json"));
    Path out = tmp.resolve("out");
    Cli.Result first = Cli.run("evaluate", "--hosts", hostsDir.toString(), "--out", out.toString(), "--format", "ckl,cklb", "-q");
    assertThat(first.exitCode()).as(first.err()).isZero();
    // A rerun over our own files replaces them; an assessor's edit in STIG Viewer is someone's work.
    Cli.Result again = Cli.run("evaluate", "--hosts", hostsDir.toString(), "--out", out.toString(), "--format", "ckl,cklb", "-q");
    assertThat(again.exitCode()).as(again.err()).isZero();
    Files.writeString(out.resolve("EDGE01/EDGE01.cklb"), "{\"edited\": \"in STIG Viewer\"}");
    Cli.Result kept = Cli.run("evaluate", "--hosts", hostsDir.toString(), "--out", out.toString(), "--format", "ckl,cklb", "-q");
    assertThat(kept.exitCode()).isEqualTo(1);
    assertThat(kept.err()).contains("EDGE01.cklb: exists and was not written by stigsmith").contains("--force");
    assertThat(out.resolve("EDGE01/EDGE01.cklb")).hasContent("{\"edited\": \"in STIG Viewer\"}");
    Cli.Result forced = Cli.run("evaluate", "--hosts", hostsDir.toString(), "--out", out.toString(), "--format", "ckl,cklb", "-q",
        "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(out.resolve("EDGE01/EDGE01.cklb"))).contains("\"target_data\"");
  }

  /** A terminated run (SIGTERM, as Ctrl-C) leaves finished hosts complete, no half folder, and a summary of what was done. */
  @Test
  void anInterruptedRunLeavesOnlyCompleteHostFolders() throws Exception {
    SyntheticFleet.generate(Content.root().resolve("samples/edge-compliant.json"), tmp.resolve("fleet"), 400, 0, 3);
    Path out = tmp.resolve("out");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "dev.stigsmith.cli.Main", "evaluate",
        "--hosts", tmp.resolve("fleet/hosts").toString(), "--out", out.toString(), "--format", "xccdf,ckl", "--jobs", "2",
        "--timestamp", "2024-02-01T00:00:00Z").redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    // Stop it once some hosts are done.
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.filter(d -> d.getFileName().toString().startsWith("EDGE")).count() >= 5) break;
      } catch (java.io.IOException notYet) {
        // out/ not made yet
      }
      Thread.sleep(50);
    }
    p.destroy();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    List<String> names;
    try (Stream<Path> s = Files.list(out)) {
      names = s.map(d -> d.getFileName().toString()).sorted().toList();
    }
    assertThat(names).as(Files.readString(tmp.resolve("log.txt"))).noneMatch(n -> n.startsWith("."));
    List<String> hostsDone = names.stream().filter(n -> n.startsWith("EDGE")).toList();
    assertThat(hostsDone).isNotEmpty();
    for (String h : hostsDone) {
      try (Stream<Path> s = Files.list(out.resolve(h))) {
        // Besides the results, the record of what was written (so a later run knows its own checklists).
        assertThat(s.map(f -> f.getFileName().toString()).sorted().toList()).as(h)
            .containsExactly(dev.stigsmith.io.OutputSet.RECORD, h + ".ckl", "oval-results.xml", "xccdf-results.xml",
                "xccdf-testresult.xml");
      }
      assertThat(Files.readString(out.resolve(h).resolve("xccdf-results.xml"))).as(h).endsWith("</xccdf:Benchmark>\n");
    }
    if (hostsDone.size() < 400) {
      JsonNode summary = new ObjectMapper().readTree(out.resolve("fleet-summary.json").toFile());
      assertThat(summary.at("/complete").asBoolean()).isFalse();
      assertThat(summary.get("hosts")).hasSize(hostsDone.size());
    }
  }
}
