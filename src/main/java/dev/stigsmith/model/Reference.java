package dev.stigsmith.model;

/** The Dublin Core reference DISA attaches to benchmarks and rules; identifier is the TARGET_KEY. */
public record Reference(String title, String publisher, String type, String subject, String identifier) {}
