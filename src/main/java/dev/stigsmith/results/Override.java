package dev.stigsmith.results;

import java.time.Instant;

/** A person's decision that replaces the tool's verdict, kept beside it (XCCDF override). */
public record Override(ResultType oldResult, ResultType newResult, String authority, Instant time, String remark) {}
