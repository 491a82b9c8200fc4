package dev.stigsmith.oval.model;

/** An OVAL message: level is one of debug, info, warning, error, fatal. */
public record Message(String level, String text) {
  public static Message info(String text) {
    return new Message("info", text);
  }

  public static Message error(String text) {
    return new Message("error", text);
  }
}
