package dev.stigsmith.xccdf.engine;

import static dev.stigsmith.scap.ds.ScapSource.children;

import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** An XCCDF 1.2 tailoring file: profiles that extend the benchmark's, changing selections and values. */
public record Tailoring(Path file, List<TailoredProfile> profiles) {
  public record TailoredProfile(String id, String extendsId, Map<String, Boolean> selections, Map<String, String> values) {}

  public Optional<TailoredProfile> profile(String id) {
    return profiles.stream().filter(p -> p.id().equals(id) || p.id().endsWith("_profile_" + id)).findFirst();
  }

  public static Tailoring read(Path file) throws XmlInputException {
    Element root = SafeXml.parse(file).getDocumentElement();
    if (!Ns.XCCDF12.equals(root.getNamespaceURI()) || !"Tailoring".equals(root.getLocalName())) {
      throw new XmlInputException(file, -1, -1, "expected an XCCDF 1.2 Tailoring document, found <" + root.getLocalName() + ">");
    }
    List<TailoredProfile> profiles = new ArrayList<>();
    for (Element p : children(root, Ns.XCCDF12, "Profile")) {
      Map<String, Boolean> sel = new LinkedHashMap<>();
      for (Element s : children(p, Ns.XCCDF12, "select")) sel.put(s.getAttribute("idref"), Boolean.parseBoolean(s.getAttribute("selected")));
      Map<String, String> values = new LinkedHashMap<>();
      for (Element v : children(p, Ns.XCCDF12, "set-value")) values.put(v.getAttribute("idref"), v.getTextContent());
      String ext = p.getAttribute("extends");
      profiles.add(new TailoredProfile(p.getAttribute("id"), ext.isEmpty() ? null : ext, sel, values));
    }
    if (profiles.isEmpty()) throw new XmlInputException(file, -1, -1, "tailoring holds no Profile");
    return new Tailoring(file, profiles);
  }
}
