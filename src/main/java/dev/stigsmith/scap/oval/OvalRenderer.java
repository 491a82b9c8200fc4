package dev.stigsmith.scap.oval;

import static dev.stigsmith.xml.Ns.OVAL_COMMON;
import static dev.stigsmith.xml.Ns.OVAL_DEF;
import static dev.stigsmith.xml.Ns.OVAL_DEF_WIN;
import static dev.stigsmith.xml.Ns.XSI;

import dev.stigsmith.model.AutomatedCheck;
import dev.stigsmith.model.AutomatedCheck.Branch;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Platform;
import dev.stigsmith.model.Requirement;
import dev.stigsmith.model.Rule;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * Renders automated checks as OVAL 5.11.2 {@code win-def:cmdlet_test}s.
 *
 * <p>"For each object: the first branch whose condition holds decides its requirements" becomes one
 * base {@code cmdlet_object}, one set object per branch (excluding earlier branches' conditions,
 * including its own), and per branch a test {@code check="all" check_existence="any_exist"} of the
 * branch's requirement state; the definition ANDs the tests. An empty branch passes, so a host with
 * no objects passes unless the check says otherwise.
 */
public final class OvalRenderer {
  /** Local OVAL index offsets within a rule (see {@link Ids#ovalPart}). */
  private static final int BASE_OBJECT = 1;
  private static final int BRANCH_OBJECT = 10;
  private static final int CONDITION_STATE = 30;
  private static final int REQUIREMENT_STATE = 50;
  private static final int BRANCH_TEST = 70;
  private static final int EXISTENCE_TEST = 99;
  private static final int VALUE_VARIABLE = 80;
  private static final int SOURCE_OBJECT = 90;

  /**
   * The benchmark Values a rule's OVAL reads, with the external variable each is exported to (the
   * XCCDF check names them in check-export).
   */
  public static Map<String, String> exportedValues(Rule r) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r.automated() == null) return out;
    for (Requirement q : r.automated().requirements()) {
      if (q.valueRef() != null && !out.containsKey(q.valueRef())) {
        out.put(q.valueRef(), Ids.ovalPart(r, "var", VALUE_VARIABLE + out.size()));
      }
    }
    return out;
  }

  private OvalRenderer() {}

  static Map<String, String> prefixes() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("", OVAL_DEF);
    p.put("oval", OVAL_COMMON);
    p.put("win-def", OVAL_DEF_WIN);
    p.put("ind-def", dev.stigsmith.xml.Ns.OVAL_DEF_IND);
    p.put("xsi", XSI);
    return p;
  }

  /** The OVAL definitions of every current automated rule of the benchmark. */
  public static Document rules(Benchmark b, GeneratorInfo gen) {
    List<Rule> automated = b.currentRules().stream().filter(Rule::isAutomated).toList();
    Doc d = new Doc(gen);
    d.product = productName(b.platform());
    for (Rule r : automated) new RuleOval(d, r).render();
    return d.finish();
  }

  /**
   * The product a rule's definition is about, from the platform's CPE (cpe:/a:microsoft:exchange_server:2019…
   * → "Microsoft Exchange Server 2019"), so each benchmark's OVAL names its own Exchange version.
   */
  static String productName(Platform p) {
    if (p == null || p.cpeName() == null) return "Microsoft Exchange Server";
    String[] parts = p.cpeName().split(":");
    return parts.length > 4 && !parts[4].isEmpty() ? "Microsoft Exchange Server " + parts[4] : "Microsoft Exchange Server";
  }

  /** The inventory definition that recognises the benchmark's platform (referenced by the CPE dictionary). */
  public static Document platform(Benchmark b, GeneratorInfo gen) {
    Doc d = new Doc(gen);
    Platform p = b.platform();
    String cpe = p.cpeName();
    E def = d.definitions.add(OVAL_DEF, "definition")
        .attr("id", Ids.platformDefinition(cpe)).attr("version", "1").attr("class", "inventory");
    E meta = def.add(OVAL_DEF, "metadata");
    meta.add(OVAL_DEF, "title", p.title());
    E affected = meta.add(OVAL_DEF, "affected").attr("family", "windows");
    affected.add(OVAL_DEF, "product", p.title());
    meta.add(OVAL_DEF, "reference").attr("source", "CPE").attr("ref_id", cpe);
    meta.add(OVAL_DEF, "description", "The host runs " + p.title() + ".");
    E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND");
    int i = 1;
    for (Platform.RegistryFact f : p.facts()) {
      String tst = Ids.platformPart(cpe, "tst", i);
      String obj = Ids.platformPart(cpe, "obj", i);
      String ste = Ids.platformPart(cpe, "ste", i);
      String where = f.hive() + "\\" + f.key() + "\\" + f.name();
      criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst)
          .attr("comment", f.expected() == null ? where + " exists" : where + " is " + f.expected());
      E test = d.tests.add(OVAL_DEF_WIN, "registry_test").attr("id", tst).attr("version", "1")
          .attr("check_existence", "at_least_one_exists").attr("check", "all")
          .attr("comment", f.expected() == null ? where + " exists" : where + " is " + f.expected());
      test.add(OVAL_DEF_WIN, "object").attr("object_ref", obj);
      E o = d.objects.add(OVAL_DEF_WIN, "registry_object").attr("id", obj).attr("version", "1")
          .attr("comment", where);
      o.add(OVAL_DEF_WIN, "hive", f.hive());
      o.add(OVAL_DEF_WIN, "key", f.key());
      o.add(OVAL_DEF_WIN, "name", f.name());
      if (f.expected() != null) {
        test.add(OVAL_DEF_WIN, "state").attr("state_ref", ste);
        E s = d.states.add(OVAL_DEF_WIN, "registry_state").attr("id", ste).attr("version", "1")
            .attr("comment", where + " is " + f.expected());
        s.add(OVAL_DEF_WIN, "value", f.expected()).attr("datatype", f.datatype()).attr("operation", "equals");
      }
      i++;
    }
    return d.finish();
  }

  /** An OVAL definitions document being filled section by section. */
  static final class Doc {
    final XmlBuilder xml = XmlBuilder.document(prefixes());
    final E root;
    final E definitions;
    final E tests;
    final E objects;
    final E states;
    final E variables;
    /** What the rule definitions' metadata names as the affected product. */
    String product = "Microsoft Exchange Server";

    Doc(GeneratorInfo gen) {
      root = xml.root(OVAL_DEF, "oval_definitions");
      E g = root.add(OVAL_DEF, "generator");
      g.add(OVAL_COMMON, "product_name", gen.productName());
      g.add(OVAL_COMMON, "product_version", gen.productVersion());
      g.add(OVAL_COMMON, "schema_version", "5.11.2");
      g.add(OVAL_COMMON, "timestamp", gen.localTimestamp());
      definitions = root.add(OVAL_DEF, "definitions");
      tests = root.add(OVAL_DEF, "tests");
      objects = root.add(OVAL_DEF, "objects");
      states = root.add(OVAL_DEF, "states");
      variables = root.add(OVAL_DEF, "variables");
    }

    /** The schema forbids empty sections. */
    Document finish() {
      for (E section : List.of(definitions, tests, objects, states, variables)) {
        if (!section.element().hasChildNodes()) root.element().removeChild(section.element());
      }
      return xml.document();
    }
  }

  /** One rule's definition, tests, objects and states. */
  private static final class RuleOval {
    private final Doc d;
    private final Rule rule;
    private final AutomatedCheck check;

    RuleOval(Doc d, Rule rule) {
      this(d, rule, null);
    }

    /** @param top the rule whose site Values a part of an all_of exports (null for a whole rule) */
    RuleOval(Doc d, Rule rule, RuleOval top) {
      this.d = d;
      this.rule = rule;
      this.check = rule.automated();
      this.top = top;
    }

    private final RuleOval top;

    void render() {
      if (check.isAllOf()) {
        allOf();
        return;
      }
      E def = definition(check.isCmdlet() ? describe() : SystemOval.describe(check.system()));

      if (!check.isCmdlet()) {
        new SystemOval(d, rule, this::externalVariable).render(def);
        return;
      }
      if (check.expect() != AutomatedCheck.Expect.EACH) {
        quantified(def);
        return;
      }
      String objectLabel = check.label() + "s";
      E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND")
          .attr("comment", "every " + check.label() + " meets the requirements of its case");
      String base = baseObject(objectLabel);
      List<Branch> branches = check.branches();
      boolean single = branches.size() == 1 && branches.get(0).otherwise();
      for (int i = 0; i < branches.size(); i++) {
        Branch br = branches.get(i);
        if (br.exempt()) continue;
        String objectRef = single ? base : branchObject(base, i, objectLabel);
        String tst = Ids.ovalPart(rule, "tst", BRANCH_TEST + i);
        String ste = requirementState(br, i);
        String comment = objectLabel + " that " + br.description() + " meet: " + describeAll(br.require());
        criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", comment);
        E test = d.tests.add(OVAL_DEF_WIN, "cmdlet_test").attr("id", tst).attr("version", "1")
            .attr("check_existence", "any_exist").attr("check", "all").attr("comment", comment);
        test.add(OVAL_DEF_WIN, "object").attr("object_ref", objectRef);
        test.add(OVAL_DEF_WIN, "state").attr("state_ref", ste);
      }
      if (check.whenNone() == AutomatedCheck.Verdict.FAIL) {
        String tst = Ids.ovalPart(rule, "tst", EXISTENCE_TEST);
        String comment = "at least one " + check.label() + " exists";
        criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", comment);
        E test = d.tests.add(OVAL_DEF_WIN, "cmdlet_test").attr("id", tst).attr("version", "1")
            .attr("check_existence", "at_least_one_exists").attr("check", "all").attr("comment", comment);
        test.add(OVAL_DEF_WIN, "object").attr("object_ref", base);
      }
    }

    /**
     * Each part becomes a definition of its own (ids in a space of their own: the rule's Vuln number
     * times ten plus the part's position), and the rule's definition ANDs them as extended definitions.
     */
    private void allOf() {
      E def = definition("All of: " + String.join(" ", check.allOf().stream()
          .map(p -> p.isCmdlet() ? p.query().cmdlet() + (p.expect() == AutomatedCheck.Expect.EACH ? " (each object)" : " (" + p.expect().name().toLowerCase(Locale.ROOT) + ")") + ";"
              : SystemOval.describe(p.system())).toList()));
      E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", "every part of the check passes");
      for (int k = 0; k < check.allOf().size(); k++) {
        AutomatedCheck part = check.allOf().get(k);
        Rule partRule = new Rule("V-" + (rule.vulnNumber() * 10 + k + 1), rule.ruleId(), rule.stigId(), rule.srg(),
            rule.title() + " (part " + (k + 1) + ": " + part.label() + ")", rule.severity(), rule.weight(), rule.description(),
            rule.ccis(), rule.legacyIds(), rule.check(), rule.fix(), rule.status(), rule.statusDate(), rule.release(),
            null, part);
        new RuleOval(d, partRule, this).render();
        criteria.add(OVAL_DEF, "extend_definition").attr("definition_ref", Ids.ovalDefinition(partRule))
            .attr("comment", "part " + (k + 1) + ": " + part.label());
      }
    }

    /** The rule's compliance definition with its metadata: DISA's ids and CCIs travel with it. */
    private E definition(String description) {
      E def = d.definitions.add(OVAL_DEF, "definition")
          .attr("id", Ids.ovalDefinition(rule)).attr("version", "1").attr("class", "compliance");
      E meta = def.add(OVAL_DEF, "metadata");
      meta.add(OVAL_DEF, "title", rule.stigId() + ": " + rule.title());
      E affected = meta.add(OVAL_DEF, "affected").attr("family", "windows");
      affected.add(OVAL_DEF, "platform", "Microsoft Windows Server");
      affected.add(OVAL_DEF, "product", d.product);
      meta.add(OVAL_DEF, "reference").attr("source", "DISA").attr("ref_id", rule.ruleId().toString());
      meta.add(OVAL_DEF, "reference").attr("source", "DISA STIG ID").attr("ref_id", rule.stigId());
      for (String cci : rule.ccis()) meta.add(OVAL_DEF, "reference").attr("source", "CCI").attr("ref_id", cci);
      meta.add(OVAL_DEF, "description", description);
      return def;
    }

    /** "No object (matching where) may exist" / "at least one object (meeting require) must exist". */
    private void quantified(E def) {
      boolean none = check.expect() == AutomatedCheck.Expect.NONE;
      String base = baseObject(check.label() + "s");
      String tst = Ids.ovalPart(rule, "tst", BRANCH_TEST);
      String comment = none
          ? (check.require().isEmpty() ? "no " + check.label() + " exists"
              : "no " + check.label() + " has " + describeAll(check.require()))
          : "at least one " + check.label() + " exists" + (check.require().isEmpty() ? "" : " with " + describeAll(check.require()));
      E criteria = def.add(OVAL_DEF, "criteria").attr("operator", "AND").attr("comment", comment);
      criteria.add(OVAL_DEF, "criterion").attr("test_ref", tst).attr("comment", comment);
      String existence = none ? (check.require().isEmpty() ? "none_exist" : "any_exist") : "at_least_one_exists";
      E test = d.tests.add(OVAL_DEF_WIN, "cmdlet_test").attr("id", tst).attr("version", "1")
          .attr("check_existence", existence).attr("check", none ? "none satisfy" : "at least one").attr("comment", comment);
      test.add(OVAL_DEF_WIN, "object").attr("object_ref", base);
      if (!check.require().isEmpty()) {
        String ste = Ids.ovalPart(rule, "ste", REQUIREMENT_STATE);
        cmdletState(ste, describeAll(check.require()), check.require());
        test.add(OVAL_DEF_WIN, "state").attr("state_ref", ste);
      }
    }

    private String describe() {
      if (check.expect() == AutomatedCheck.Expect.NONE) {
        return check.query().cmdlet() + " returns no object" + (check.require().isEmpty() ? "" : " with " + describeAll(check.require())) + ".";
      }
      if (check.expect() == AutomatedCheck.Expect.AT_LEAST_ONE) {
        return check.query().cmdlet() + " returns at least one object" + (check.require().isEmpty() ? "" : " with " + describeAll(check.require())) + ". A host with none fails.";
      }
      StringBuilder sb = new StringBuilder("For each object returned by ").append(check.query().cmdlet()).append(": ");
      List<String> cases = new ArrayList<>();
      for (Branch b : check.branches()) {
        cases.add((b.otherwise() ? "otherwise" : "if " + describeAll(b.when())) + ", "
            + (b.exempt() ? "out of scope (" + b.description() + ")" : describeAll(b.require())));
      }
      sb.append(String.join("; ", cases)).append('.');
      sb.append(check.whenNone() == AutomatedCheck.Verdict.PASS
          ? " A host with none passes." : " A host with none fails.");
      return sb.toString();
    }

    private static String describeAll(List<Requirement> rs) {
      return String.join(" and ", rs.stream().map(Requirement::describe).toList());
    }

    private String baseObject(String objectLabel) {
      String id = Ids.ovalPart(rule, "obj", BASE_OBJECT);
      E o = d.objects.add(OVAL_DEF_WIN, "cmdlet_object").attr("id", id).attr("version", "1")
          .attr("comment", "all " + objectLabel + " (" + check.query().cmdlet() + ")");
      o.add(OVAL_DEF_WIN, "module_name", check.query().module());
      o.add(OVAL_DEF_WIN, "module_id").attr(XSI, "nil", "true");
      o.add(OVAL_DEF_WIN, "module_version").attr("datatype", "version").attr(XSI, "nil", "true");
      o.add(OVAL_DEF_WIN, "verb", check.query().verb());
      o.add(OVAL_DEF_WIN, "noun", check.query().noun());
      if (check.query().parameters().isEmpty()) {
        o.add(OVAL_DEF_WIN, "parameters").attr("datatype", "record").attr(XSI, "nil", "true");
      } else {
        E params = o.add(OVAL_DEF_WIN, "parameters").attr("datatype", "record");
        check.query().parameters().forEach((k, v) -> params.add(OVAL_DEF, "field", v).attr("name", field(k)));
      }
      E select = o.add(OVAL_DEF_WIN, "select").attr("datatype", "record");
      for (String p : check.selectedProperties()) {
        select.add(OVAL_DEF, "field", p).attr("name", field(p));
      }
      return id;
    }

    /** Objects in branch i: those no earlier branch took, and (unless catch-all) matching its condition. */
    private String branchObject(String base, int i, String objectLabel) {
      Branch br = check.branches().get(i);
      String id = Ids.ovalPart(rule, "obj", BRANCH_OBJECT + i);
      E o = d.objects.add(OVAL_DEF_WIN, "cmdlet_object").attr("id", id).attr("version", "1")
          .attr("comment", objectLabel + " that " + br.description());
      E set = o.add(OVAL_DEF, "set");
      set.add(OVAL_DEF, "object_reference", base);
      for (int j = 0; j < i; j++) {
        set.add(OVAL_DEF, "filter", conditionState(j)).attr("action", "exclude");
      }
      if (!br.otherwise()) set.add(OVAL_DEF, "filter", conditionState(i)).attr("action", "include");
      return id;
    }

    private final Map<Integer, String> conditionStates = new LinkedHashMap<>();

    private String conditionState(int i) {
      return conditionStates.computeIfAbsent(i, k -> {
        Branch br = check.branches().get(k);
        String id = Ids.ovalPart(rule, "ste", CONDITION_STATE + k);
        cmdletState(id, check.label() + "s that " + br.description(), br.when());
        return id;
      });
    }

    private String requirementState(Branch br, int i) {
      String id = Ids.ovalPart(rule, "ste", REQUIREMENT_STATE + i);
      cmdletState(id, describeAll(br.require()), br.require());
      return id;
    }

    private void cmdletState(String id, String comment, List<Requirement> rs) {
      E s = d.states.add(OVAL_DEF_WIN, "cmdlet_state").attr("id", id).attr("version", "1").attr("comment", comment);
      E value = s.add(OVAL_DEF_WIN, "value").attr("datatype", "record").attr("operation", "equals");
      for (Requirement r : rs) {
        E f = value.add(OVAL_DEF, "field").attr("name", field(r.property()))
            .attr("datatype", r.datatype().oval()).attr("operation", r.operation().oval());
        if (r.valueRef() != null) {
          f.attr("var_ref", externalVariable(r));
        } else if (r.from() != null) {
          f.attr("var_ref", sourceVariable(r));
        } else {
          f.text(r.value());
        }
      }
    }

    private final Map<String, String> externals = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    /** A site Value: an external variable the XCCDF check exports the Value to. */
    String externalVariable(Requirement r) {
      if (top != null) return top.externalVariable(r);
      return externals.computeIfAbsent(r.valueRef(), ref -> {
        String id = exportedValues(rule).get(ref);
        d.variables.add(OVAL_DEF, "external_variable").attr("id", id).attr("version", "1")
            .attr("datatype", r.datatype().oval()).attr("comment", "site value " + ref + " (XCCDF Value)");
        return id;
      });
    }

    /** Another cmdlet's property on the same host: its object and a local variable reading the field. */
    private String sourceVariable(Requirement r) {
      String key = r.from().query().cmdlet() + "." + r.from().property();
      return sources.computeIfAbsent(key, k -> {
        int n = SOURCE_OBJECT + sources.size();
        String obj = Ids.ovalPart(rule, "obj", n);
        String var = Ids.ovalPart(rule, "var", n);
        E o = d.objects.add(OVAL_DEF_WIN, "cmdlet_object").attr("id", obj).attr("version", "1")
            .attr("comment", k + " (" + r.from().query().cmdlet() + ")");
        o.add(OVAL_DEF_WIN, "module_name", r.from().query().module());
        o.add(OVAL_DEF_WIN, "module_id").attr(XSI, "nil", "true");
        o.add(OVAL_DEF_WIN, "module_version").attr("datatype", "version").attr(XSI, "nil", "true");
        o.add(OVAL_DEF_WIN, "verb", r.from().query().verb());
        o.add(OVAL_DEF_WIN, "noun", r.from().query().noun());
        o.add(OVAL_DEF_WIN, "parameters").attr("datatype", "record").attr(XSI, "nil", "true");
        E select = o.add(OVAL_DEF_WIN, "select").attr("datatype", "record");
        select.add(OVAL_DEF, "field", r.from().property()).attr("name", field(r.from().property()));
        E v = d.variables.add(OVAL_DEF, "local_variable").attr("id", var).attr("version", "1")
            .attr("datatype", r.datatype().oval()).attr("comment", k + " on this host");
        v.add(OVAL_DEF, "object_component").attr("object_ref", obj).attr("item_field", "value")
            .attr("record_field", field(r.from().property()));
        return var;
      });
    }

    /** OVAL record field names must be lower-case. */
    private static String field(String property) {
      return property.toLowerCase(Locale.ROOT);
    }
  }
}
