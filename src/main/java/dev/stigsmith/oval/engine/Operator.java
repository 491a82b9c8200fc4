package dev.stigsmith.oval.engine;

import java.util.Collection;

/**
 * Criteria and state operators with the OVAL 5.11.2 truth tables. "not applicable" inputs are
 * ignored; all of them (or none at all) give "not applicable".
 */
public enum Operator {
  AND {
    @Override
    OvalResult decide(ResultCounts c) {
      if (c.f() > 0) return OvalResult.FALSE;
      return c.anyUndecided() ? c.undecided() : OvalResult.TRUE;
    }
  },
  OR {
    @Override
    OvalResult decide(ResultCounts c) {
      if (c.t() > 0) return OvalResult.TRUE;
      return c.anyUndecided() ? c.undecided() : OvalResult.FALSE;
    }
  },
  ONE {
    @Override
    OvalResult decide(ResultCounts c) {
      if (c.t() > 1) return OvalResult.FALSE;
      if (c.anyUndecided()) return c.undecided();
      return OvalResult.of(c.t() == 1);
    }
  },
  XOR {
    @Override
    OvalResult decide(ResultCounts c) {
      if (c.anyUndecided()) return c.undecided();
      return OvalResult.of(c.t() % 2 == 1);
    }
  };

  abstract OvalResult decide(ResultCounts counts);

  public OvalResult combine(Collection<OvalResult> results) {
    ResultCounts c = ResultCounts.of(results);
    return c.allNotApplicable() ? OvalResult.NOT_APPLICABLE : decide(c);
  }

  public static Operator fromXml(String s) {
    return valueOf(s == null ? "AND" : s.trim());
  }
}
