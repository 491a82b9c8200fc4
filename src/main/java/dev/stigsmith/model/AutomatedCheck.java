package dev.stigsmith.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's automated check, stated once and rendered into OVAL: for each object the cmdlet returns,
 * the first branch whose condition holds decides which requirements it must meet.
 *
 * @param label how evidence names one object, e.g. "Send connector"
 * @param identifyBy the property that names an object in evidence, e.g. "Name"
 * @param whenNone verdict when the cmdlet returns no objects (nothing to secure usually passes)
 */
public record AutomatedCheck(
    CmdletQuery query,
    String label,
    String identifyBy,
    List<String> extraSelect,
    Verdict whenNone,
    List<Branch> branches) {

  public enum Verdict { PASS, FAIL }

  public AutomatedCheck {
    extraSelect = List.copyOf(extraSelect);
    branches = List.copyOf(branches);
    if (branches.isEmpty()) throw new IllegalArgumentException("an automated check needs at least one branch");
    for (int i = 0; i < branches.size() - 1; i++) {
      if (branches.get(i).otherwise()) throw new IllegalArgumentException("only the last branch may be 'otherwise'");
    }
    if (branches.stream().allMatch(Branch::exempt)) throw new IllegalArgumentException("every branch is exempt: nothing to check");
  }

  /**
   * A case of the check.
   *
   * @param when properties that put an object in this branch (all must hold); empty for the
   *     catch-all last branch
   */
  public record Branch(String description, List<Requirement> when, List<Requirement> require) {
    public Branch {
      when = List.copyOf(when);
      require = List.copyOf(require);
      if (require.isEmpty() && when.isEmpty()) {
        throw new IllegalArgumentException("branch '" + description + "' neither selects nor requires anything");
      }
    }

    public boolean otherwise() { return when.isEmpty(); }

    /** Objects in an exempt branch are out of the rule's scope (e.g. Internet-facing connectors). */
    public boolean exempt() { return require.isEmpty(); }
  }

  /** Every property the check reads, in first-mention order: what the cmdlet must select. */
  public List<String> selectedProperties() {
    Set<String> props = new LinkedHashSet<>();
    props.add(identifyBy);
    props.addAll(extraSelect);
    for (Branch b : branches) {
      b.when().forEach(r -> props.add(r.property()));
      b.require().forEach(r -> props.add(r.property()));
    }
    return List.copyOf(props);
  }
}
