package dev.stigsmith.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's automated check, stated once and rendered into OVAL. Either a cmdlet check (the output
 * of one Get-* cmdlet, quantified by {@link Expect}) or a {@link SystemCheck} (registry values,
 * services, folder permissions, partitions).
 *
 * <p>Cmdlet checks with {@link Expect#EACH}: for each object the cmdlet returns, the first branch
 * whose condition holds decides which requirements it must meet. {@link Expect#NONE}: no object
 * (matching {@code require}, when given) may be returned. {@link Expect#AT_LEAST_ONE}: at least one
 * object (meeting {@code require}, when given) must be returned.
 *
 * @param label how evidence names one object, e.g. "Send connector"
 * @param identifyBy the property that names an object in evidence, e.g. "Name"
 * @param whenNone verdict when the cmdlet returns no objects (nothing to secure usually passes)
 * @param require for NONE the properties of a forbidden object ("where"), for AT_LEAST_ONE what one
 *     object must meet; empty for EACH
 * @param system the non-cmdlet check, or null for a cmdlet check
 * @param allOf checks that must all pass (e.g. four filters each enabled), or empty; when given, the
 *     other components are unused
 */
public record AutomatedCheck(
    CmdletQuery query,
    String label,
    String identifyBy,
    List<String> extraSelect,
    Verdict whenNone,
    List<Branch> branches,
    Expect expect,
    List<Requirement> require,
    SystemCheck system,
    List<AutomatedCheck> allOf) {

  public enum Verdict { PASS, FAIL }

  /** How the cmdlet's objects are quantified. */
  public enum Expect { EACH, NONE, AT_LEAST_ONE }

  /** A cmdlet check, each object judged by its first matching branch. */
  public AutomatedCheck(CmdletQuery query, String label, String identifyBy, List<String> extraSelect,
      Verdict whenNone, List<Branch> branches) {
    this(query, label, identifyBy, extraSelect, whenNone, branches, Expect.EACH, List.of(), null, List.of());
  }

  /** Several checks, all of which must pass: one definition ANDing one extended definition each. */
  public static AutomatedCheck allOf(List<AutomatedCheck> parts) {
    return new AutomatedCheck(null, parts.isEmpty() ? null : parts.get(0).label(), null, List.of(), Verdict.PASS,
        List.of(), Expect.EACH, List.of(), null, parts);
  }

  /** A cmdlet check quantified over all objects ({@link Expect#NONE} or {@link Expect#AT_LEAST_ONE}). */
  public static AutomatedCheck quantified(CmdletQuery query, String label, String identifyBy, List<String> extraSelect,
      Expect expect, List<Requirement> require) {
    return new AutomatedCheck(query, label, identifyBy, extraSelect,
        expect == Expect.NONE ? Verdict.PASS : Verdict.FAIL, List.of(), expect, require, null, List.of());
  }

  /** A registry, service, folder permission or partition check. */
  public static AutomatedCheck of(SystemCheck system) {
    return new AutomatedCheck(null, system.label(), null, List.of(), Verdict.PASS, List.of(), Expect.EACH, List.of(), system,
        List.of());
  }

  public AutomatedCheck {
    extraSelect = List.copyOf(extraSelect);
    branches = List.copyOf(branches);
    require = List.copyOf(require);
    allOf = List.copyOf(allOf);
    if (!allOf.isEmpty()) {
      if (allOf.size() < 2) throw new IllegalArgumentException("all_of needs at least two checks");
      if (allOf.size() > 9) throw new IllegalArgumentException("all_of takes at most nine checks");
      for (AutomatedCheck c : allOf) if (!c.allOf().isEmpty()) throw new IllegalArgumentException("all_of cannot nest");
    } else if (system == null) {
      if (query == null) throw new IllegalArgumentException("a cmdlet check needs a cmdlet");
      if (expect == Expect.EACH) {
        if (branches.isEmpty()) throw new IllegalArgumentException("an automated check needs at least one branch");
        for (int i = 0; i < branches.size() - 1; i++) {
          if (branches.get(i).otherwise()) throw new IllegalArgumentException("only the last branch may be 'otherwise'");
        }
        if (branches.stream().allMatch(Branch::exempt)) throw new IllegalArgumentException("every branch is exempt: nothing to check");
        if (!require.isEmpty()) throw new IllegalArgumentException("'require' belongs to a branch unless expect is none or at_least_one");
      } else if (!branches.isEmpty()) {
        throw new IllegalArgumentException("expect " + expect.name().toLowerCase(java.util.Locale.ROOT) + " has no branches");
      }
    }
  }

  /** A check on cmdlet output only (all parts of an all_of are). */
  public boolean isCmdlet() {
    return allOf.isEmpty() ? system == null : allOf.stream().allMatch(AutomatedCheck::isCmdlet);
  }

  public boolean isAllOf() { return !allOf.isEmpty(); }

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

  /** Every requirement the check states (branches' conditions and requirements, or the quantified ones). */
  public List<Requirement> requirements() {
    List<Requirement> out = new java.util.ArrayList<>(require);
    for (Branch b : branches) {
      out.addAll(b.when());
      out.addAll(b.require());
    }
    if (system != null) out.addAll(system.requirements());
    for (AutomatedCheck c : allOf) out.addAll(c.requirements());
    return List.copyOf(out);
  }

  /** Every property the check reads, in first-mention order: what the cmdlet must select. */
  public List<String> selectedProperties() {
    Set<String> props = new LinkedHashSet<>();
    if (identifyBy != null) props.add(identifyBy);
    props.addAll(extraSelect);
    for (Branch b : branches) {
      b.when().forEach(r -> props.add(r.property()));
      b.require().forEach(r -> props.add(r.property()));
    }
    require.forEach(r -> props.add(r.property()));
    return List.copyOf(props);
  }
}
