package dev.stigsmith.model;

/** DISA's check: its id (C-…_chk) and the text an assessor follows. */
public record ManualCheck(String id, String text) {}
