package dev.stigsmith.oval.engine;

import java.util.Collection;

/** How many of each result a group of results holds; the OVAL truth tables are written over these. */
record ResultCounts(int t, int f, int e, int u, int ne, int na) {
  static ResultCounts of(Collection<OvalResult> results) {
    int t = 0, f = 0, e = 0, u = 0, ne = 0, na = 0;
    for (OvalResult r : results) {
      switch (r) {
        case TRUE -> t++;
        case FALSE -> f++;
        case ERROR -> e++;
        case UNKNOWN -> u++;
        case NOT_EVALUATED -> ne++;
        case NOT_APPLICABLE -> na++;
      }
    }
    return new ResultCounts(t, f, e, u, ne, na);
  }

  /** Everything was not applicable (or there was nothing). */
  boolean allNotApplicable() {
    return t + f + e + u + ne == 0;
  }

  /** When the deciding counts leave the answer open: error, then unknown, then not evaluated. */
  OvalResult undecided() {
    if (e > 0) return OvalResult.ERROR;
    if (u > 0) return OvalResult.UNKNOWN;
    return OvalResult.NOT_EVALUATED;
  }

  boolean anyUndecided() {
    return e + u + ne > 0;
  }
}
