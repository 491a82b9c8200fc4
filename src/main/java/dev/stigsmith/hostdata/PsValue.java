package dev.stigsmith.hostdata;

import java.util.List;

/**
 * A normalised property value. Enums and flags are their names as PowerShell prints them
 * ("DomainValidation", "Tls, Integrated"); sizes are bytes ({@link Int}) or the text "Unlimited";
 * time spans are text "d.hh:mm:ss" or "hh:mm:ss" as PowerShell prints them.
 */
public sealed interface PsValue {
  /** The property exists and is $null. */
  record Null() implements PsValue {}

  record Bool(boolean value) implements PsValue {}

  record Int(long value) implements PsValue {}

  record Text(String value) implements PsValue {}

  /** A multi-valued property. */
  record TextList(List<String> values) implements PsValue {
    public TextList {
      values = List.copyOf(values);
    }
  }

  PsValue NULL = new Null();

  /** The value as OVAL writes it in an item: booleans lower-case, lists comma-joined, null as null. */
  default String ovalText() {
    if (this instanceof Null) return null;
    if (this instanceof Bool b) return b.value() ? "true" : "false";
    if (this instanceof Int i) return Long.toString(i.value());
    if (this instanceof Text t) return t.value();
    return String.join(", ", ((TextList) this).values());
  }

  /** The OVAL datatype an item field of this value carries. */
  default String ovalDatatype() {
    if (this instanceof Bool) return "boolean";
    if (this instanceof Int) return "int";
    return "string";
  }
}
