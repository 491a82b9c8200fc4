package dev.stigsmith.xccdf.engine;

import dev.stigsmith.oval.engine.CriteriaResult;
import dev.stigsmith.oval.engine.EntityComparison;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.oval.engine.OvalResults;
import dev.stigsmith.oval.engine.TestResult;
import dev.stigsmith.oval.engine.TestedItem;
import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.Message;
import dev.stigsmith.oval.model.ObjectSet;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalObject;
import dev.stigsmith.oval.model.OvalTest;
import dev.stigsmith.oval.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns OVAL results into lines an assessor reads, one per object examined, e.g.
 * {@code Send connector "Relay" (SmartHostsString=relay.contoso.mil): RequireTLS=False (expected True)}.
 * Everything comes from the OVAL (tests, objects, items and the engine's comparisons): nothing here
 * decides a verdict.
 */
final class EvidenceFormatter {
  private final OvalDefinitions defs;
  private final OvalResults results;

  EvidenceFormatter(OvalDefinitions defs, OvalResults results) {
    this.defs = defs;
    this.results = results;
  }

  List<String> lines(String definitionId) {
    List<String> out = new ArrayList<>();
    Set<String> baseObjectsReported = new LinkedHashSet<>();
    for (String testId : testsOf(definitionId)) {
      TestResult t = results.test(testId).orElse(null);
      OvalTest test = defs.test(testId).orElse(null);
      if (t == null || test == null) continue;
      OvalObject obj = test.objectRef() == null ? null : defs.object(test.objectRef()).orElse(null);
      OvalObject base = obj == null ? null : baseObject(obj);
      Map<String, String> casing = base == null ? Map.of() : propertyCasing(base);
      List<String> context = obj == null ? List.of() : includeFilterFields(obj);
      // An expected value read from another cmdlet that failed: say so before the items it left unjudged.
      List<String> causes = t.result() == OvalResult.ERROR && test != null ? failedVariableSources(test, obj) : List.of();
      out.addAll(causes);
      boolean noState = test.stateRefs().isEmpty();
      for (TestedItem ti : t.items()) {
        // An existence test without a state judges no item: an item matters only where it must not exist.
        if (noState) {
          // (A registry location that must be absent only routes a precedence rule: not evidence.)
          if (t.result() == OvalResult.FALSE && "none_exist".equals(test.checkExistence())
              && !"registry_item".equals(ti.item().type())) {
            out.add(label(ti.item()) + " exists");
          }
          continue;
        }
        String line = itemLine(ti, casing, context, "none satisfy".equals(test.check()));
        // A drive letter means nothing without what it is the drive of: the test says that.
        if ("variable_item".equals(ti.item().type())) line = test.comment() + line.substring(line.indexOf(':', "Drive ".length() + 2));
        out.add(line);
      }
      if (noState && t.result() == OvalResult.FALSE && t.items().isEmpty() && base != null && !base.type().equals("cmdlet_object")) {
        out.add(t.comment() + ": not found");
      }
      if (t.items().isEmpty() && base != null && baseObjectsReported.add(base.id())) {
        String absent = absence(base);
        if (absent != null) out.add(absent);
      }
      for (Message m : t.messages()) {
        // A test repeats its object's collection message; the assessor needs it once.
        if (out.contains(m.text())) continue;
        if (t.result() != OvalResult.TRUE && t.result() != OvalResult.FALSE) out.add(t.result().xml() + ": " + m.text());
      }
      if (t.result() == OvalResult.ERROR && t.messages().isEmpty() && causes.isEmpty()) out.add("error: " + t.comment());
    }
    return dedupe(out);
  }

  private static List<String> dedupe(List<String> lines) {
    return List.copyOf(new LinkedHashSet<>(lines));
  }

  private String absence(OvalObject base) {
    CollectedObject co = results.systemCharacteristics().collectedObject(base.id()).orElse(null);
    String what = describeQuery(base);
    // Objects other than cmdlets carry the probe's own sentence (e.g. "no Windows services were
    // collected", or the failure of the cmdlet a variable reads).
    if (co != null && !"cmdlet_object".equals(base.type()) && co.flag() != Flag.DOES_NOT_EXIST && !co.messages().isEmpty()) {
      return co.messages().get(0).text();
    }
    if (co == null || co.flag() == Flag.NOT_COLLECTED) return what + " was not collected";
    if (co.flag() == Flag.DOES_NOT_EXIST) return "No " + plural(base) + " (" + what + " returned none)";
    if (co.flag() == Flag.ERROR) {
      if (co.messages().isEmpty()) return what + " failed";
      // The probe's message already reads "Get-Xxx failed: <the collector's error>".
      String msg = co.messages().get(0).text();
      return msg.startsWith(what + " ") ? msg : what + " failed: " + msg;
    }
    return null;
  }

  /**
   * @param forbidden the test's state describes what no item may match ("none satisfy"): a matching
   *     item is the finding, a non-matching one is compliant
   */
  private String itemLine(TestedItem ti, Map<String, String> casing, List<String> context, boolean forbidden) {
    if (forbidden) return forbiddenLine(ti);
    Item item = ti.item();
    StringBuilder sb = new StringBuilder(label(item));
    List<String> ctx = new ArrayList<>();
    for (String field : context) {
      if (field.equals("name") || field.equals("identity")) continue; // already in the label
      String v = fieldValue(item, field);
      if (v != null && !v.isEmpty()) ctx.add(prop(field, casing) + "=" + v);
    }
    if (!ctx.isEmpty()) sb.append(" (").append(String.join(", ", ctx)).append(')');
    sb.append(": ");
    List<String> parts = new ArrayList<>();
    for (EntityComparison c : ti.comparisons()) {
      boolean bad = c.result() != OvalResult.TRUE;
      if (ti.result() == OvalResult.TRUE && bad) continue;
      if (ti.result() != OvalResult.TRUE && !bad) continue;
      String got = c.actual().isEmpty() ? "(not set)" : show(String.join(", ", c.actual()), c.datatype());
      String want = c.expected().isEmpty() ? "a value that could not be read"
          : String.join(" | ", c.expected().stream().map(v -> show(v, c.datatype())).toList());
      String op = "equals".equals(c.operation()) ? "" : c.operation() + " ";
      String name = prop(c.path().contains(".") ? c.path().substring(c.path().indexOf('.') + 1) : c.path(), casing);
      parts.add(name + "=" + got + (bad ? " (expected " + op + want + ")" : ""));
    }
    if (parts.isEmpty()) parts.add(ti.result() == OvalResult.TRUE ? "as required" : "result " + ti.result().xml());
    sb.append(String.join("; ", parts));
    if (ti.result() == OvalResult.TRUE) sb.append(" - compliant");
    return sb.toString();
  }

  /** "Trustee S-1-1-0 (Everyone) on C:\\…: holds file_write_data, standard_delete (not allowed)". */
  private String forbiddenLine(TestedItem ti) {
    List<String> held = new ArrayList<>();
    for (EntityComparison c : ti.comparisons()) if (c.result() == OvalResult.TRUE) held.add(c.path());
    String label = label(ti.item());
    if (ti.result() == OvalResult.TRUE) {
      boolean rights = "fileeffectiverights_item".equals(ti.item().type());
      return label + ": " + (rights ? "holds " + String.join(", ", held) + " (not allowed)"
          : String.join("; ", ti.comparisons().stream().filter(c -> c.result() == OvalResult.TRUE)
              .map(c -> c.path() + "=" + String.join(", ", c.actual())).toList()) + " (not allowed)");
    }
    if (ti.result() == OvalResult.FALSE) return label + ": none of the forbidden rights or values - compliant";
    return label + ": result " + ti.result().xml();
  }

  /** PowerShell prints booleans as True/False; assessors compare with what they see there. */
  private static String show(String value, String datatype) {
    if ("boolean".equals(datatype)) {
      if ("true".equalsIgnoreCase(value) || "1".equals(value)) return "True";
      if ("false".equalsIgnoreCase(value) || "0".equals(value)) return "False";
    }
    return value;
  }

  private static String label(Item item) {
    switch (item.type()) {
      case "service_item":
        return "Service " + entity(item, "service_name");
      case "fileeffectiverights_item": {
        String who = entity(item, "trustee_name");
        return "Trustee " + entity(item, "trustee_sid") + (who == null ? "" : " (" + who + ")") + " on " + entity(item, "path");
      }
      case "variable_item":
        return "Drive " + String.join(", ", item.entities().stream()
            .filter(e -> "value".equals(e.name()) && e.value() != null).map(ItemEntity::value).toList());
      default:
        break;
    }
    String noun = entity(item, "noun");
    String name = null;
    for (ItemEntity e : item.entities()) {
      if ("value".equals(e.name()) && "record".equals(e.datatype())) {
        for (ItemEntity f : e.fields()) {
          if (name == null && ("name".equals(f.name()) || "identity".equals(f.name())) && f.value() != null) name = f.value();
        }
        // The renderer selects a check's identify_by property first (e.g. a certificate's Thumbprint).
        if (name == null && !e.fields().isEmpty()) name = e.fields().get(0).value();
      }
    }
    if (name == null) name = entity(item, "name");
    if (noun != null) return humanize(noun) + " \"" + (name == null ? "#" + item.id() : name) + "\"";
    String key = entity(item, "key");
    if (key != null) return entity(item, "hive") + "\\" + key + (name == null ? "" : "\\" + name);
    return item.type() + " #" + item.id();
  }

  private static String entity(Item item, String name) {
    for (ItemEntity e : item.entities()) if (name.equals(e.name()) && e.value() != null) return e.value();
    return null;
  }

  private static String fieldValue(Item item, String field) {
    // A cmdlet item's collected properties are its "value" record; "select" only names them.
    for (ItemEntity e : item.entities()) {
      if ("value".equals(e.name()) && "record".equals(e.datatype())) {
        for (ItemEntity f : e.fields()) if (field.equals(f.name())) return f.value();
      }
    }
    for (ItemEntity e : item.entities()) if (field.equals(e.name()) && !"record".equals(e.datatype())) return e.value();
    return null;
  }

  private static final java.util.regex.Pattern CAMEL_HUMP = java.util.regex.Pattern.compile("([a-z])([A-Z])");

  /** Nouns seen so far: a fleet run humanizes the same few cmdlet nouns for every item of every host. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> HUMANIZED = new java.util.concurrent.ConcurrentHashMap<>();

  /** "SendConnector" → "Send connector". */
  static String humanize(String noun) {
    String known = HUMANIZED.get(noun);
    if (known != null) return known;
    String h = humanizeNew(noun);
    if (HUMANIZED.size() < 1024) HUMANIZED.put(noun, h);
    return h;
  }

  private static String humanizeNew(String noun) {
    String spaced = CAMEL_HUMP.matcher(noun).replaceAll("$1 $2");
    return spaced.isEmpty() ? spaced : spaced.charAt(0) + spaced.substring(1).toLowerCase(Locale.ROOT);
  }

  private String plural(OvalObject base) {
    return base.entity("noun").map(e -> humanize(e.value()) + "s").orElse("objects");
  }

  private static String describeQuery(OvalObject base) {
    String verb = base.entity("verb").map(Entity::value).orElse(null);
    String noun = base.entity("noun").map(Entity::value).orElse(null);
    if (verb != null && noun != null) return verb + "-" + noun;
    return base.type() + " " + base.id();
  }

  private static String prop(String field, Map<String, String> casing) {
    return casing.getOrDefault(field, field);
  }

  /** select fields map lower-case OVAL names back to PowerShell's spelling. */
  private static Map<String, String> propertyCasing(OvalObject base) {
    Map<String, String> m = new LinkedHashMap<>();
    base.entity("select").ifPresent(sel -> {
      for (Entity f : sel.fields()) if (f.value() != null && !f.value().isBlank()) m.put(f.name(), f.value());
    });
    return m;
  }

  /** Collection failures of the objects whose values the test's states (or its object) take through variables. */
  private List<String> failedVariableSources(OvalTest test, OvalObject obj) {
    List<Entity> entities = new ArrayList<>();
    for (String ref : test.stateRefs()) defs.state(ref).ifPresent(st -> entities.addAll(st.entities()));
    if (obj != null) entities.addAll(obj.entities());
    Set<String> lines = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Entity e : entities) collectFailures(e, lines, seen);
    // An ind-def:variable_object names its variable in the var_ref entity's text, not a var_ref attribute.
    if (obj != null && "variable_object".equals(obj.type())) {
      obj.entity("var_ref").map(Entity::value).filter(v -> v != null && !v.isBlank())
          .ifPresent(v -> collectFailures(v.trim(), lines, seen));
    }
    return List.copyOf(lines);
  }

  private void collectFailures(Entity e, Set<String> lines, Set<String> seen) {
    for (Entity f : e.fields()) collectFailures(f, lines, seen);
    if (e.varRef() != null) collectFailures(e.varRef(), lines, seen);
  }

  private void collectFailures(String varRef, Set<String> lines, Set<String> seen) {
    if (!seen.add(varRef)) return;
    Variable v = defs.variable(varRef).orElse(null);
    if (!(v instanceof Variable.Local local)) return;
    collectFailures(local.component(), lines, seen);
  }

  /** Through functions too: a drive letter is substring() of a path a failed cmdlet was to give. */
  private void collectFailures(Variable.Component c, Set<String> lines, Set<String> seen) {
    if (c instanceof Variable.VariableComponent vc) {
      collectFailures(vc.variableRef(), lines, seen);
    } else if (c instanceof Variable.ObjectComponent oc) {
      defs.object(oc.objectRef()).map(this::baseObject).ifPresent(base -> {
        CollectedObject co = results.systemCharacteristics().collectedObject(base.id()).orElse(null);
        if (co != null && co.flag() == Flag.ERROR) lines.add(absence(base));
      });
    } else if (c instanceof Variable.Concat cc) {
      for (Variable.Component part : cc.parts()) collectFailures(part, lines, seen);
    } else if (c instanceof Variable.Substring sub) {
      collectFailures(sub.of(), lines, seen);
    } else if (c instanceof Variable.RegexCapture rc) {
      collectFailures(rc.of(), lines, seen);
    }
  }

  private OvalObject baseObject(OvalObject o) {
    Set<String> seen = new LinkedHashSet<>();
    OvalObject cur = o;
    while (cur.set() != null && seen.add(cur.id())) {
      String ref = firstRef(cur.set());
      if (ref == null) return cur;
      OvalObject next = defs.object(ref).orElse(null);
      if (next == null) return cur;
      cur = next;
    }
    return cur;
  }

  private static String firstRef(ObjectSet s) {
    if (!s.objectRefs().isEmpty()) return s.objectRefs().get(0);
    for (ObjectSet n : s.sets()) {
      String r = firstRef(n);
      if (r != null) return r;
    }
    return null;
  }

  /** Fields the object's include filters look at: why an item is in this branch. */
  private List<String> includeFilterFields(OvalObject o) {
    List<String> fields = new ArrayList<>();
    if (o.set() == null) return fields;
    o.set().filters().stream().filter(f -> !f.excludes()).forEach(f -> defs.state(f.stateRef()).ifPresent(st -> {
      for (Entity e : st.entities()) {
        if (e.isRecord()) e.fields().forEach(fl -> fields.add(fl.name()));
        else fields.add(e.name());
      }
    }));
    return fields;
  }

  private List<String> testsOf(String definitionId) {
    Set<String> tests = new LinkedHashSet<>();
    results.definition(definitionId).ifPresent(d -> collect(d.criteria(), tests, new LinkedHashSet<>()));
    return List.copyOf(tests);
  }

  private void collect(CriteriaResult c, Set<String> tests, Set<String> seen) {
    if (c == null) return;
    if ("criterion".equals(c.kind())) tests.add(c.ref());
    if ("extend_definition".equals(c.kind()) && seen.add(c.ref())) {
      results.definition(c.ref()).ifPresent(d -> collect(d.criteria(), tests, seen));
    }
    for (CriteriaResult ch : c.children()) collect(ch, tests, seen);
  }
}
