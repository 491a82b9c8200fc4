package dev.stigsmith.collector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small PowerShell tokenizer for static checks of the collector: it knows comments ({@code #…},
 * {@code <#…#>}), strings ('…' with '' escapes, "…" with backtick escapes and {@code $(…)}
 * subexpressions, which are lexed as code), here-strings, variables and brackets, and reports
 * unbalanced brackets and unclosed strings, comments and here-strings with their line. Everything
 * else is a WORD (command names, parameters, operators, members, numbers) or punctuation.
 */
final class PsLexer {
  enum Kind { WORD, VARIABLE, STRING, COMMENT, OPEN, CLOSE, PUNCT }

  record Token(Kind kind, String text, int line, int depth) {}

  static final class SyntaxError extends Exception {
    SyntaxError(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  private final String s;
  private int pos;
  private int line = 1;
  private final List<Token> tokens = new ArrayList<>();

  private record Open(char ch, int line) {}

  private PsLexer(String source) {
    this.s = source;
  }

  static List<Token> tokens(String source) throws SyntaxError {
    PsLexer lx = new PsLexer(source);
    lx.code(false);
    return lx.tokens;
  }

  /** Lexes code until the end (or, in a subexpression, until the ')' closing it). */
  private void code(boolean subexpression) throws SyntaxError {
    Deque<Open> open = new ArrayDeque<>();
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '`') {
        pos += 2; // escape or line continuation
        if (pos - 1 < s.length() && s.charAt(pos - 1) == '\n') line++;
      } else if (s.startsWith("<#", pos)) {
        blockComment(open.size());
      } else if (c == '#') {
        int end = s.indexOf('\n', pos);
        if (end < 0) end = s.length();
        tokens.add(new Token(Kind.COMMENT, s.substring(pos, end), line, open.size()));
        pos = end;
      } else if ((s.startsWith("@\"", pos) || s.startsWith("@'", pos)) && restOfLineBlank(pos + 2)) {
        hereString(open.size());
      } else if (c == '\'') {
        singleQuoted(open.size());
      } else if (c == '"') {
        doubleQuoted(open.size());
      } else if (c == '$' && pos + 1 < s.length() && s.charAt(pos + 1) != '(') {
        variable(open.size());
      } else if (c == '(' || c == '{' || c == '[') {
        tokens.add(new Token(Kind.OPEN, String.valueOf(c), line, open.size()));
        open.push(new Open(c, line));
        pos++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (open.isEmpty()) {
          if (subexpression && c == ')') {
            pos++;
            return;
          }
          throw new SyntaxError(line, "'" + c + "' closes nothing");
        }
        Open o = open.pop();
        if (o.ch() != opening(c)) {
          throw new SyntaxError(line, "'" + c + "' closes '" + o.ch() + "' opened on line " + o.line());
        }
        tokens.add(new Token(Kind.CLOSE, String.valueOf(c), line, open.size()));
        pos++;
      } else if (";,|&@$=".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line, open.size()));
        pos++;
      } else {
        word(open.size());
      }
    }
    if (subexpression) throw new SyntaxError(line, "'$(' is never closed");
    if (!open.isEmpty()) {
      Open o = open.peek();
      throw new SyntaxError(o.line(), "'" + o.ch() + "' is never closed");
    }
  }

  private static char opening(char close) {
    return close == ')' ? '(' : close == '}' ? '{' : '[';
  }

  private boolean restOfLineBlank(int from) {
    for (int i = from; i < s.length() && s.charAt(i) != '\n'; i++) {
      if (!Character.isWhitespace(s.charAt(i))) return false;
    }
    return true;
  }

  private void blockComment(int depth) throws SyntaxError {
    int start = line;
    int end = s.indexOf("#>", pos + 2);
    if (end < 0) throw new SyntaxError(start, "'<#' comment is never closed");
    String text = s.substring(pos, end + 2);
    tokens.add(new Token(Kind.COMMENT, text, start, depth));
    line += count(text, '\n');
    pos = end + 2;
  }

  /** The closing "@ or '@ must start a line. */
  private void hereString(int depth) throws SyntaxError {
    int start = line;
    char q = s.charAt(pos + 1);
    int end = s.indexOf("\n" + q + "@", pos);
    if (end < 0) throw new SyntaxError(start, "here-string @" + q + " is never closed (" + q + "@ at the start of a line)");
    String text = s.substring(pos, end + 3);
    tokens.add(new Token(Kind.STRING, text, start, depth));
    line += count(text, '\n');
    pos = end + 3;
  }

  private void singleQuoted(int depth) throws SyntaxError {
    int start = line;
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= s.length()) throw new SyntaxError(start, "string ' is never closed");
      char c = s.charAt(pos);
      if (c == '\'') {
        if (pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
          sb.append('\'');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c == '\n') line++;
      sb.append(c);
      pos++;
    }
    tokens.add(new Token(Kind.STRING, sb.toString(), start, depth));
  }

  private void doubleQuoted(int depth) throws SyntaxError {
    int start = line;
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= s.length()) throw new SyntaxError(start, "string \" is never closed");
      char c = s.charAt(pos);
      if (c == '`' && pos + 1 < s.length()) {
        sb.append(s, pos, pos + 2);
        pos += 2;
        continue;
      }
      if (c == '"') {
        if (pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
          sb.append('"');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (s.startsWith("$(", pos)) {
        // A subexpression is code: its commands and brackets count like any other.
        int from = pos;
        pos += 2;
        code(true);
        sb.append(s, from, pos);
        continue;
      }
      if (c == '\n') line++;
      sb.append(c);
      pos++;
    }
    tokens.add(new Token(Kind.STRING, sb.toString(), start, depth));
  }

  private void variable(int depth) throws SyntaxError {
    int start = pos;
    pos++;
    if (pos < s.length() && s.charAt(pos) == '{') {
      int end = s.indexOf('}', pos);
      if (end < 0) throw new SyntaxError(line, "'${' is never closed");
      pos = end + 1;
    } else {
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_:?^$".indexOf(s.charAt(pos)) >= 0)) pos++;
    }
    tokens.add(new Token(Kind.VARIABLE, s.substring(start, pos), line, depth));
  }

  private void word(int depth) {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c) || "(){}[];,|&'\"`#$@".indexOf(c) >= 0) break;
      pos++;
    }
    if (pos == start) pos++; // a lone character no rule above takes
    tokens.add(new Token(Kind.WORD, s.substring(start, pos), line, depth));
  }

  private static int count(String text, char ch) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == ch) n++;
    return n;
  }
}
