package dev.stigsmith.evaluate;

import dev.stigsmith.model.Rule;
import dev.stigsmith.xccdf.engine.Evaluator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet summary, written as hosts finish (rows arrive in file order) so that it needs no memory
 * per host: {@code fleet-summary.csv} (hosts × rules matrix), {@code fleet-summary.json} (the same
 * with per-rule counts and totals) and {@code index.html} (an overview linking each host's report).
 * Rows go to hidden part files; {@link #finish} puts the three files in place, also after an interrupt.
 */
final class FleetSummary {
  static final String CSV = "fleet-summary.csv";
  static final String JSON = "fleet-summary.json";
  static final String HTML = "index.html";
  private static final String[] RESULTS = {"pass", "fail", "error", "unknown", "notapplicable", "notchecked",
      "notselected", "informational", "fixed"};

  /**
   * A rule column: the same STIG ID in two benchmarks is two columns only if the ids differ. {@code counts}
   * (by {@link #RESULTS}) is shared by columns of the same benchmark and STIG ID, and held here so that
   * counting a host looks nothing up.
   */
  private record Column(String stigId, String benchmarkId, String title, String severity, int[] counts) {}

  record Totals(int evaluated, int errors, int unreadable, int exitCode) {}

  private final Path out;
  private final List<Column> columns = new ArrayList<>();
  private final Map<String, Integer> statusCounts = new LinkedHashMap<>();
  private final BufferedWriter csv;
  private final BufferedWriter jsonHosts;
  private final BufferedWriter htmlRows;
  private final Path csvPart;
  private final Path jsonPart;
  private final Path htmlPart;
  private final boolean htmlReports;
  private int evaluated;
  private int errors;
  private int exitCode;
  private boolean firstJson = true;

  FleetSummary(Path out, EvaluateJob.Prepared prepared) {
    this.out = out;
    Map<String, int[]> ruleCounts = new java.util.HashMap<>();
    for (Evaluator.Prepared b : prepared.benchmarks()) {
      for (Rule r : b.selectedRules()) {
        int[] counts = ruleCounts.computeIfAbsent(b.benchmark().id() + "|" + r.stigId(), k -> new int[RESULTS.length]);
        columns.add(new Column(r.stigId(), b.benchmark().id(), r.title(), r.severity().catLabel(), counts));
      }
    }
    htmlReports = prepared.settings().formats().contains(dev.stigsmith.export.ResultFormat.HTML);
    csvPart = out.resolve(HostOutputs.PARTIAL + CSV);
    jsonPart = out.resolve(HostOutputs.PARTIAL + JSON);
    htmlPart = out.resolve(HostOutputs.PARTIAL + HTML);
    try {
      csv = Files.newBufferedWriter(csvPart, StandardCharsets.UTF_8);
      jsonHosts = Files.newBufferedWriter(jsonPart, StandardCharsets.UTF_8);
      htmlRows = Files.newBufferedWriter(htmlPart, StandardCharsets.UTF_8);
      List<String> head = new ArrayList<>(List.of("file", "host", "folder", "benchmark", "status", "exit_code", "score",
          "note"));
      for (Column c : columns) head.add(c.stigId());
      csvLine(head);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fleet summary in " + out + ": " + e.getMessage(), e);
    }
  }

  Path csv() { return out.resolve(CSV); }

  Path json() { return out.resolve(JSON); }

  Path html() { return out.resolve(HTML); }

  static String status(Fleet.Row r) {
    return switch (r.exitCode()) {
      case 0 -> "pass";
      case 2 -> "fail";
      default -> "error";
    };
  }

  synchronized void add(Fleet.HostEntry e) {
    exitCode = EvaluateJob.worse(exitCode, e.exitCode());
    String note = e.duplicateOf() == null ? "" : "same host as " + e.duplicateOf();
    try {
      if (e.failed()) {
        errors++;
        statusCounts.merge(e.errorStatus(), 1, Integer::sum);
        List<String> line = new ArrayList<>(List.of(e.file().toString(), "", e.folder(), "", e.errorStatus(), "1", "", e.error()));
        for (int i = 0; i < columns.size(); i++) line.add("");
        csvLine(line);
        json(e, null, note);
        html(e, null, note);
        return;
      }
      evaluated++;
      for (Fleet.Row r : e.rows()) {
        statusCounts.merge(status(r), 1, Integer::sum);
        List<String> line = new ArrayList<>(List.of(e.file().toString(), e.hostName(), r.folder(), r.benchmarkId(),
            status(r), Integer.toString(r.exitCode()), score(r.score()), note));
        for (Column c : columns) {
          String v = c.benchmarkId().equals(r.benchmarkId()) ? r.results().get(c.stigId()) : null;
          line.add(v == null ? "" : v);
          if (v != null) c.counts()[index(v)]++;
        }
        csvLine(line);
        json(e, r, note);
        html(e, r, note);
      }
    } catch (IOException x) {
      throw new UncheckedIOException("cannot write the fleet summary: " + x.getMessage(), x);
    }
  }

  private static int index(String result) {
    for (int i = 0; i < RESULTS.length; i++) if (RESULTS[i].equals(result)) return i;
    return 0;
  }

  private void csvLine(List<String> fields) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      if (sb.length() > 0) sb.append(',');
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      else sb.append(f);
    }
    csv.write(sb.append("\r\n").toString());
  }

  private void json(Fleet.HostEntry e, Fleet.Row r, String note) throws IOException {
    StringBuilder sb = new StringBuilder(firstJson ? "\n" : ",\n");
    firstJson = false;
    sb.append("    {\"file\": ").append(q(e.file().toString())).append(", \"folder\": ").append(q(r == null ? e.folder() : r.folder()));
    if (r == null) {
      sb.append(", \"status\": ").append(q(e.errorStatus())).append(", \"exitCode\": 1, \"error\": ").append(q(e.error()));
    } else {
      sb.append(", \"host\": ").append(q(e.hostName())).append(", \"benchmark\": ").append(q(r.benchmarkId()))
          .append(", \"status\": ").append(q(status(r))).append(", \"exitCode\": ").append(r.exitCode())
          .append(", \"score\": ").append(score(r.score())).append(", \"counts\": {");
      boolean first = true;
      for (Map.Entry<String, Integer> c : r.counts().entrySet()) {
        sb.append(first ? "" : ", ").append(q(c.getKey())).append(": ").append(c.getValue());
        first = false;
      }
      sb.append("}, \"results\": {");
      first = true;
      for (Map.Entry<String, String> x : r.results().entrySet()) {
        sb.append(first ? "" : ", ").append(q(x.getKey())).append(": ").append(q(x.getValue()));
        first = false;
      }
      sb.append('}');
    }
    if (!note.isEmpty()) sb.append(", \"note\": ").append(q(note));
    jsonHosts.write(sb.append('}').toString());
  }

  private void html(Fleet.HostEntry e, Fleet.Row r, String note) throws IOException {
    String folder = r == null ? e.folder() : r.folder();
    String link = folder + "/" + (r == null ? "error.txt" : htmlReports ? "report.html" : "");
    String status = r == null ? e.errorStatus() : status(r);
    htmlRows.write("<tr class=\"" + status + "\"><td><a href=\"" + h(link) + "\">" + h(r == null ? folder : e.hostName())
        + "</a></td><td>" + h(r == null ? "" : r.benchmarkId()) + "</td><td>" + status + "</td><td>"
        + (r == null ? "" : score(r.score())) + "</td><td>"
        + (r == null ? "" : r.counts().getOrDefault("fail", 0)) + "</td><td>" + h(r == null ? e.error() : note)
        + "</td><td>" + h(e.file().toString()) + "</td></tr>\n");
  }

  /** Closes the part files and writes the three summary files in place. */
  synchronized Totals finish(boolean interrupted) {
    try {
      csv.close();
      jsonHosts.close();
      htmlRows.close();
      Files.move(csvPart, csv(), StandardCopyOption.REPLACE_EXISTING);
      writeJson(interrupted);
      writeHtml(interrupted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fleet summary in " + out + ": " + e.getMessage(), e);
    }
    return new Totals(evaluated, errors, statusCounts.getOrDefault("unreadable", 0), exitCode);
  }

  private void writeJson(boolean interrupted) throws IOException {
    Path tmp = out.resolve(HostOutputs.PARTIAL + JSON + ".whole");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      StringBuilder sb = new StringBuilder("{\n  \"format\": \"stigsmith-fleet-summary\",\n  \"version\": 1,\n");
      sb.append("  \"complete\": ").append(!interrupted).append(",\n");
      sb.append("  \"totals\": {\"hostFiles\": ").append(evaluated + errors).append(", \"evaluated\": ").append(evaluated)
          .append(", \"unreadable\": ").append(statusCounts.getOrDefault("unreadable", 0))
          .append(", \"notApplicable\": ").append(statusCounts.getOrDefault("not-applicable", 0)).append(", \"exitCode\": ").append(exitCode).append(", \"status\": {");
      boolean first = true;
      for (Map.Entry<String, Integer> s : statusCounts.entrySet()) {
        sb.append(first ? "" : ", ").append(q(s.getKey())).append(": ").append(s.getValue());
        first = false;
      }
      sb.append("}},\n  \"rules\": [");
      first = true;
      for (Column c : columns) {
        int[] n = c.counts();
        sb.append(first ? "\n" : ",\n").append("    {\"stigId\": ").append(q(c.stigId())).append(", \"benchmark\": ")
            .append(q(c.benchmarkId())).append(", \"severity\": ").append(q(c.severity())).append(", \"title\": ")
            .append(q(c.title()));
        for (int i = 0; i < RESULTS.length; i++) if (n[i] > 0) sb.append(", ").append(q(RESULTS[i])).append(": ").append(n[i]);
        sb.append('}');
        first = false;
      }
      sb.append("\n  ],\n  \"hosts\": [");
      o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(jsonPart)) {
        in.transferTo(o);
      }
      o.write("\n  ]\n}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.deleteIfExists(jsonPart);
    Files.move(tmp, json(), StandardCopyOption.REPLACE_EXISTING);
  }

  private void writeHtml(boolean interrupted) throws IOException {
    Path tmp = out.resolve(HostOutputs.PARTIAL + HTML + ".whole");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<title>stigsmith fleet summary</title><style>body{font-family:sans-serif;margin:2em}"
          + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
          + "tr.fail td:nth-child(3){color:#b00}tr.error td:nth-child(3),tr.unreadable td:nth-child(3),tr.not-applicable td:nth-child(3)"
          + "{color:#a0a;font-weight:bold}"
          + "tr.pass td:nth-child(3){color:#070}</style></head><body>\n<h1>stigsmith fleet summary</h1>\n");
      if (interrupted) sb.append("<p><strong>The run was interrupted: only the hosts below were evaluated.</strong></p>\n");
      sb.append("<p>").append(evaluated + errors).append(" host files: ").append(evaluated).append(" evaluated, ")
          .append(statusCounts.getOrDefault("unreadable", 0)).append(" unreadable");
      if (statusCounts.containsKey("not-applicable")) {
        sb.append(", ").append(statusCounts.get("not-applicable")).append(" with no applicable benchmark");
      }
      sb.append('.');
      statusCounts.forEach((k, v) -> sb.append(' ').append(h(k)).append(' ').append(v).append('.'));
      sb.append(" Also as <a href=\"").append(CSV).append("\">CSV</a> and <a href=\"").append(JSON).append("\">JSON</a>.</p>\n");
      sb.append("<h2>Rules by failing hosts</h2>\n<table><tr><th>STIG ID</th><th>severity</th><th>fail</th><th>error</th>"
          + "<th>unknown</th><th>pass</th><th>title</th></tr>\n");
      List<Column> sorted = new ArrayList<>(columns);
      sorted.sort((a, b) -> Integer.compare(b.counts()[1], a.counts()[1]));
      for (Column c : sorted) {
        int[] n = c.counts();
        if (n[1] + n[2] + n[3] + n[0] == 0) continue;
        sb.append("<tr><td>").append(h(c.stigId())).append("</td><td>").append(h(c.severity())).append("</td><td>")
            .append(n[1]).append("</td><td>").append(n[2]).append("</td><td>").append(n[3]).append("</td><td>").append(n[0])
            .append("</td><td>").append(h(c.title())).append("</td></tr>\n");
      }
      sb.append("</table>\n<h2>Hosts</h2>\n<table><tr><th>host</th><th>benchmark</th><th>status</th><th>score</th>"
          + "<th>failed rules</th><th>note</th><th>file</th></tr>\n");
      o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(htmlPart)) {
        in.transferTo(o);
      }
      o.write("</table>\n</body></html>\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.deleteIfExists(htmlPart);
    Files.move(tmp, html(), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String score(double s) {
    return String.format(Locale.ROOT, "%.1f", s);
  }

  static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String h(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
