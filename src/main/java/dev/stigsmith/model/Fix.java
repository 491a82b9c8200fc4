package dev.stigsmith.model;

/**
 * How to remediate: DISA's fix id and text, and optionally a PowerShell script that does it.
 *
 * @param script PowerShell remediation, or null when there is none
 */
public record Fix(String id, String text, String script) {}
