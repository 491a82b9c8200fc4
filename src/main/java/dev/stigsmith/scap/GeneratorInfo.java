package dev.stigsmith.scap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Who wrote a document and when; the time is always given, never read from the clock here. */
public record GeneratorInfo(String productName, String productVersion, Instant timestamp) {
  private static final DateTimeFormatter XS_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  /** xs:dateTime without zone, as OVAL generator timestamps are usually written. */
  public String localTimestamp() { return XS_DATETIME.format(timestamp.truncatedTo(ChronoUnit.SECONDS)); }

  /** xs:dateTime in UTC with Z. */
  public String utcTimestamp() { return localTimestamp() + "Z"; }
}
