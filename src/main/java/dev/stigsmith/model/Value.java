package dev.stigsmith.model;

/** A site-specific setting (XCCDF Value) that a tailoring file may change and OVAL reads. */
public record Value(String id, String title, String description, Datatype type, String defaultValue) {}
