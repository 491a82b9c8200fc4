package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.oval.engine.Operation;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import dev.stigsmith.xml.SafeXml;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code ind-def:xmlfilecontent_object}: filepath by equals (literal or variable) over the XML files
 * the collector copied, xpath (XPath 1.0) evaluated here; one {@code xmlfilecontent_item} per file,
 * its {@code value_of} the text of each node selected (attribute values, element text).
 */
final class XmlFileCollector implements ObjectCollector {
  private static final String IND_SC = OvalNs.SC + "#independent";

  @Override
  public String description() {
    return "XPath 1.0 over a collected XML file (filepath by equals; xpath literal)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    Optional<Entity> filepath = object.entity("filepath");
    Optional<Entity> xpath = object.entity("xpath");
    if (filepath.isEmpty() || xpath.isEmpty()) {
      return Collected.of(Flag.NOT_COLLECTED, "xmlfilecontent_object without filepath is not supported (path + filename)");
    }
    for (Entity e : List.of(filepath.get(), xpath.get())) {
      if (Operation.fromXml(e.operation()) != Operation.EQUALS) {
        return Collected.of(Flag.NOT_COLLECTED, "xmlfilecontent " + e.name() + " with operation " + e.operation() + " is not supported; only equals");
      }
    }
    if (host.xmlFiles() == null) return Collected.of(Flag.NOT_COLLECTED, "no XML files were collected on this host");
    List<Item> items = new ArrayList<>();
    for (String path : matcher.values(filepath.get())) {
      Optional<String> text = host.xmlFile(path);
      if (text.isEmpty()) continue;
      for (String expr : matcher.values(xpath.get())) {
        List<String> values;
        try {
          values = select(text.get(), expr);
        } catch (Exception e) {
          return Collected.of(Flag.ERROR, path + ": " + e.getMessage());
        }
        List<ItemEntity> es = new ArrayList<>();
        es.add(ItemEntity.string("filepath", path));
        int slash = path.lastIndexOf('\\');
        es.add(ItemEntity.string("path", slash < 0 ? "" : path.substring(0, slash)));
        es.add(ItemEntity.string("filename", path.substring(slash + 1)));
        es.add(ItemEntity.string("xpath", expr));
        values.forEach(v -> es.add(ItemEntity.string("value_of", v)));
        items.add(new Item(0, IND_SC, "xmlfilecontent_item", ItemEntity.EXISTS, es));
      }
    }
    return Collected.items(items, matcher.drainUsed());
  }

  private static List<String> select(String xml, String expr) throws Exception {
    Document doc = SafeXml.documentBuilder().parse(new InputSource(new StringReader(xml)));
    XPath xp = XPathFactory.newInstance().newXPath();
    List<String> out = new ArrayList<>();
    try {
      NodeList nodes = (NodeList) xp.evaluate(expr, doc, XPathConstants.NODESET);
      for (int i = 0; i < nodes.getLength(); i++) {
        Node n = nodes.item(i);
        out.add(n.getTextContent());
      }
    } catch (XPathExpressionException notNodes) {
      // An expression of a string, number or boolean (e.g. string(...)) has one value.
      out.add(xp.evaluate(expr, doc));
    }
    return out;
  }
}
