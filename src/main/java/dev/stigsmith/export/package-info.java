/**
 * Exporters of one evaluation ({@link dev.stigsmith.results.TestResult}) into what STIG tools read, and the
 * inputs that refine it.
 *
 * <ul>
 *   <li>{@link dev.stigsmith.export.Checklist}: the format-neutral checklist (current rules only; unevaluated rules
 *       Not_Reviewed), written by {@link dev.stigsmith.export.CklWriter} (STIG Viewer 2) and
 *       {@link dev.stigsmith.export.CklbWriter} (STIG Viewer 3), read back by
 *       {@link dev.stigsmith.export.ChecklistReader}, carried forward by {@link dev.stigsmith.export.ChecklistMerge}.
 *   <li>{@link dev.stigsmith.export.StigManagerXccdfWriter}: XCCDF 1.2 results with DISA's ids.
 *   <li>{@link dev.stigsmith.export.HtmlReportWriter}, {@link dev.stigsmith.export.JsonSummaryWriter},
 *       {@link dev.stigsmith.export.JUnitWriter}: reports for people, scripts and CI.
 *   <li>{@link dev.stigsmith.export.AnswerFile}: an assessor's standing comments and overrides.
 * </ul>
 *
 * Status spelling lives in {@link dev.stigsmith.export.ChecklistStatus}, uuids and DISA ids in
 * {@link dev.stigsmith.export.ExportIds}. Every writer is deterministic and writes through a temp file.
 */
package dev.stigsmith.export;
