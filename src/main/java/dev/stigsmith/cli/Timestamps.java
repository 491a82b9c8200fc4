package dev.stigsmith.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;

/** The time to stamp outputs with: --timestamp, else SOURCE_DATE_EPOCH, else none (the command decides). */
final class Timestamps {
  private Timestamps() {}

  /** @param badInputExit the command's exit code for bad input */
  static Instant resolve(String option, String sourceDateEpoch, int badInputExit) {
    if (option != null) return parse(option, "--timestamp", badInputExit);
    if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) return parse(sourceDateEpoch.trim(), "SOURCE_DATE_EPOCH", badInputExit);
    return null;
  }

  /** Accepts seconds since the epoch, or an ISO-8601 instant/offset date-time. */
  static Instant parse(String text, String what, int badInputExit) {
    try {
      if (text.matches("\\d+")) return Instant.ofEpochSecond(Long.parseLong(text));
      if (text.endsWith("Z")) return Instant.parse(text);
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw new UserError(what + ": '" + text + "' is not a time (use seconds since 1970 or e.g. 2024-01-24T00:00:00Z)", badInputExit);
    }
  }
}
