package dev.stigsmith.importer;

import dev.stigsmith.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read with StAX, so that every element knows the line it starts on and import
 * errors can point at it. Text is an element's own character data, concatenated.
 */
final class XmlTree {
  private XmlTree() {}

  record El(String ns, String name, Map<String, String> attrs, List<El> children, String text, int line) {
    List<El> all(String ns, String name) {
      return children.stream().filter(c -> c.ns.equals(ns) && c.name.equals(name)).toList();
    }

    El first(String ns, String name) {
      for (El c : children) if (c.ns.equals(ns) && c.name.equals(name)) return c;
      return null;
    }

    String attr(String name) { return attrs.get(name); }
  }

  private static final class Builder {
    final String ns;
    final String name;
    final Map<String, String> attrs;
    final List<El> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;

    Builder(String ns, String name, Map<String, String> attrs, int line) {
      this.ns = ns;
      this.name = name;
      this.attrs = attrs;
      this.line = line;
    }

    El build() { return new El(ns, name, Map.copyOf(attrs), List.copyOf(children), text.toString(), line); }
  }

  static El read(Path file) throws ImportException {
    XMLStreamReader r = null;
    try (InputStream in = Files.newInputStream(file)) {
      r = SafeXml.streamReader(in, file.toUri().toString());
      Deque<Builder> stack = new ArrayDeque<>();
      El root = null;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            stack.push(new Builder(ns, r.getLocalName(), attrs, r.getLocation().getLineNumber()));
          }
          case XMLStreamConstants.END_ELEMENT -> {
            El done = stack.pop().build();
            if (stack.isEmpty()) root = done;
            else stack.peek().children.add(done);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (!stack.isEmpty()) stack.peek().text.append(r.getText());
          }
          case XMLStreamConstants.DTD -> throw new ImportException(file, r.getLocation().getLineNumber(),
              "document type declarations are not accepted");
          case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportException(file, r.getLocation().getLineNumber(),
              "undefined entity &" + r.getLocalName() + ";");
          default -> { }
        }
      }
      if (root == null) throw new ImportException(file, -1, "no root element");
      return root;
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      String msg = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
      // StAX prefixes its own "ParseError at [row,col]" location; we give ours.
      msg = msg.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      throw new ImportException(file, line, SafeXml.notWellFormed(msg));
    } catch (IOException e) {
      throw new ImportException(file, -1, "cannot read: " + e.getMessage());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // reading is over either way
        }
      }
    }
  }
}
