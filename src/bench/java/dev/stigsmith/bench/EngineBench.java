package dev.stigsmith.bench;

import dev.stigsmith.evaluate.EvaluateJob;
import dev.stigsmith.evaluate.SyntheticFleet;
import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.xccdf.engine.Evaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine per host, steady state: one synthetic Edge host (its connector count a parameter)
 * read, evaluated, and evaluated with its XCCDF results + CKL rendered, against the bundled Edge
 * content prepared once. Run: {@code mvn -Pjmh -q test-compile exec:exec@jmh} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
  @Param({"5", "40"})
  int connectors;

  Path file;
  HostData host;
  Evaluator.Prepared evaluator;
  EvaluateJob.Prepared prepared;

  @Setup
  public void setup() throws Exception {
    Path dir = Files.createTempDirectory("engine-bench");
    // The generator draws 5-40 connectors; pick a seed's host with the wanted count.
    for (long seed = 1; ; seed++) {
      var hosts = SyntheticFleet.generate(Path.of("content/samples/edge-compliant.json"), dir.resolve("s" + seed), 1, 0, seed);
      HostData h = HostDataReader.read(hosts.get(0).file());
      int n = h.cmdlet("Get-SendConnector").map(c -> c.objects().size()).orElse(0)
          + h.cmdlet("Get-ReceiveConnector").map(c -> c.objects().size()).orElse(0);
      if (Math.abs(n - connectors) <= 2 || seed > 500) {
        file = hosts.get(0).file();
        host = h;
        break;
      }
    }
    prepared = EvaluateJob.prepare(new EvaluateJob.Settings(null, null, null, Instant.parse("2024-02-01T00:00:00Z"),
        "bench", EnumSet.of(ResultFormat.XCCDF, ResultFormat.CKL), null, null));
    evaluator = prepared.benchmarks().get(0);
  }

  @Benchmark
  public HostData readHostFile() throws Exception {
    return HostDataReader.read(file);
  }

  @Benchmark
  public Evaluator.Evaluation evaluate() {
    return evaluator.evaluate(host);
  }

  @Benchmark
  public EvaluateJob.HostRun evaluateAndRenderXccdfAndCkl() throws Exception {
    return prepared.evaluate(host);
  }
}
