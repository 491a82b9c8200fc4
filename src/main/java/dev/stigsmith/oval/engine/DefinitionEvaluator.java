package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.CriteriaNode;
import dev.stigsmith.oval.model.Definition;
import dev.stigsmith.oval.model.Message;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates definitions' criteria trees; each test and definition is evaluated once. */
final class DefinitionEvaluator {
  private final OvalDefinitions defs;
  private final TestEvaluator tests;
  private final Map<String, TestResult> testResults = new LinkedHashMap<>();
  private final Map<String, DefinitionResult> definitionResults = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  DefinitionEvaluator(OvalDefinitions defs, TestEvaluator tests) {
    this.defs = defs;
    this.tests = tests;
  }

  Map<String, TestResult> testResults() {
    return testResults;
  }

  DefinitionResult evaluate(Definition d) {
    DefinitionResult done = definitionResults.get(d.id());
    if (done != null) return done;
    inProgress.add(d.id());
    List<Message> messages = new ArrayList<>();
    DefinitionResult r;
    if (d.criteria() == null) {
      messages.add(Message.info("definition has no criteria"));
      r = new DefinitionResult(d.id(), d.version(), d.definitionClass(), d.title(), OvalResult.NOT_EVALUATED, null,
          messages);
    } else {
      CriteriaResult c = criteria(d.criteria(), messages);
      r = new DefinitionResult(d.id(), d.version(), d.definitionClass(), d.title(), c.result(), c, messages);
    }
    inProgress.remove(d.id());
    definitionResults.put(d.id(), r);
    return r;
  }

  private CriteriaResult criteria(CriteriaNode.Criteria c, List<Message> messages) {
    List<CriteriaResult> children = new ArrayList<>();
    for (CriteriaNode n : c.children()) children.add(node(n, messages));
    OvalResult r;
    try {
      r = Operator.fromXml(c.operator()).combine(children.stream().map(CriteriaResult::result).toList());
    } catch (IllegalArgumentException e) {
      messages.add(Message.error("unknown operator " + c.operator()));
      r = OvalResult.ERROR;
    }
    return new CriteriaResult("criteria", c.operator(), null, null, c.negate(), c.applicabilityCheck(),
        r.negate(c.negate()), children);
  }

  private CriteriaResult node(CriteriaNode n, List<Message> messages) {
    if (n instanceof CriteriaNode.Criteria c) return criteria(c, messages);
    if (n instanceof CriteriaNode.Criterion c) {
      OvalTest t = defs.test(c.testRef()).orElse(null);
      OvalResult r;
      String version = null;
      if (t == null) {
        messages.add(Message.error("test " + c.testRef() + " is not defined"));
        r = OvalResult.ERROR;
      } else {
        version = t.version();
        r = testResults.computeIfAbsent(t.id(), id -> tests.evaluate(t)).result();
      }
      return new CriteriaResult("criterion", null, c.testRef(), version, c.negate(), c.applicabilityCheck(),
          r.negate(c.negate()), List.of());
    }
    CriteriaNode.ExtendDefinition x = (CriteriaNode.ExtendDefinition) n;
    Definition d = defs.definition(x.definitionRef()).orElse(null);
    OvalResult r;
    String version = null;
    if (d == null) {
      messages.add(Message.error("definition " + x.definitionRef() + " is not defined"));
      r = OvalResult.ERROR;
    } else if (inProgress.contains(d.id())) {
      messages.add(Message.error("extend_definition cycle through " + d.id()));
      version = d.version();
      r = OvalResult.ERROR;
    } else {
      version = d.version();
      r = evaluate(d).result();
    }
    return new CriteriaResult("extend_definition", null, x.definitionRef(), version, x.negate(),
        x.applicabilityCheck(), r.negate(x.negate()), List.of());
  }
}
