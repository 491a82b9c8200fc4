package dev.stigsmith.scap.ocil;

import static dev.stigsmith.xml.Ns.OCIL;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * Renders each current manual rule as an OCIL 2.0 questionnaire, so an SCAP processor sees a check it
 * can hand to an assessor instead of a rule with no SCAP check at all. One yes/no question per rule:
 * its text is DISA's check text as is; "yes" (the check finds nothing) passes, "no" fails.
 */
public final class OcilRenderer {
  static final String SCHEMA_VERSION = "2.0";

  private OcilRenderer() {}

  /** The rules that get a questionnaire, in benchmark order: current and without an automated check. */
  public static List<Rule> manualRules(Benchmark b) {
    return b.rules().stream().filter(r -> r.current() && !r.isAutomated()).toList();
  }

  /** Whether {@link #render} has anything to say: OCIL requires at least one questionnaire. */
  public static boolean hasQuestionnaires(Benchmark b) {
    return !manualRules(b).isEmpty();
  }

  /**
   * @throws IllegalArgumentException when the benchmark has no manual rule (see {@link #hasQuestionnaires})
   */
  public static Document render(Benchmark b, GeneratorInfo gen) {
    List<Rule> rules = manualRules(b);
    if (rules.isEmpty()) throw new IllegalArgumentException(b.id() + " has no manual rule to ask about");
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("", OCIL);
    XmlBuilder xml = XmlBuilder.document(prefixes);
    E root = xml.root(OCIL, "ocil");
    E g = root.add(OCIL, "generator");
    g.add(OCIL, "product_name", gen.productName());
    g.add(OCIL, "product_version", gen.productVersion());
    g.add(OCIL, "schema_version", SCHEMA_VERSION);
    g.add(OCIL, "timestamp", gen.utcTimestamp());
    E doc = root.add(OCIL, "document");
    doc.add(OCIL, "title", b.title());
    doc.add(OCIL, "description", "Manual checks of " + b.id() + " (" + b.releaseInfo() + "): "
        + "answer Yes when following the check finds nothing, No when it finds a finding.");

    E questionnaires = root.add(OCIL, "questionnaires");
    for (Rule r : rules) {
      E q = questionnaires.add(OCIL, "questionnaire").attr("id", Ids.ocilQuestionnaire(r));
      q.add(OCIL, "title", r.stigId() + ": " + r.title());
      q.add(OCIL, "references").add(OCIL, "reference", r.ruleId() + " (" + r.vulnId() + ")")
          .attr("href", "https://public.cyber.mil/stigs/");
      q.add(OCIL, "actions").add(OCIL, "test_action_ref", Ids.ocilTestAction(r));
    }
    E actions = root.add(OCIL, "test_actions");
    for (Rule r : rules) {
      E a = actions.add(OCIL, "boolean_question_test_action")
          .attr("id", Ids.ocilTestAction(r)).attr("question_ref", Ids.ocilQuestion(r));
      a.add(OCIL, "title", "Is " + r.stigId() + " met (no finding)?");
      a.add(OCIL, "when_true").add(OCIL, "result", "PASS");
      a.add(OCIL, "when_false").add(OCIL, "result", "FAIL");
    }
    E questions = root.add(OCIL, "questions");
    for (Rule r : rules) {
      questions.add(OCIL, "boolean_question").attr("id", Ids.ocilQuestion(r)).attr("model", "MODEL_YES_NO")
          .add(OCIL, "question_text", r.check().text());
    }
    return xml.document();
  }
}
