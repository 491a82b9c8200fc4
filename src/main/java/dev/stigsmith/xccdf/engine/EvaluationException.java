package dev.stigsmith.xccdf.engine;

/** Evaluation cannot go on: the content or the request is unusable. The message is one line. */
public class EvaluationException extends Exception {
  public EvaluationException(String message) {
    super(message.replaceAll("\\s+", " ").trim());
  }
}
