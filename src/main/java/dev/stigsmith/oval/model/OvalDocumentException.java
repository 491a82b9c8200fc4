package dev.stigsmith.oval.model;

/** An OVAL document cannot be read or written; the message is one line naming the file. */
public class OvalDocumentException extends RuntimeException {
  public OvalDocumentException(String message) {
    super(message);
  }

  public OvalDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
