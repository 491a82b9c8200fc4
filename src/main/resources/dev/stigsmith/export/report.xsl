<?xml version="1.0" encoding="UTF-8"?>
<!--
  XCCDF 1.2 results (a Benchmark holding its Rules and a TestResult) to one self-contained HTML page:
  inline CSS, no scripts, no external assets, readable on paper.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:x="http://checklists.nist.gov/xccdf/1.2"
    exclude-result-prefixes="xs x"
    expand-text="yes">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="yes"/>

  <xsl:key name="rule" match="x:Rule" use="@id"/>

  <xsl:variable name="order" select="('fail', 'error', 'unknown', 'pass', 'notapplicable', 'notchecked',
      'notselected', 'informational', 'fixed')"/>

  <xsl:template match="/">
    <xsl:variable name="b" select="x:Benchmark"/>
    <xsl:variable name="tr" select="(//x:TestResult)[last()]"/>
    <xsl:variable name="host" select="string($tr/x:target[1])"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$host} – {($b/x:title, $tr/x:benchmark/@id)[1]}</title>
        <style xsl:expand-text="no">
          body { font: 14px/1.45 system-ui, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2329; margin: 2em auto; max-width: 1100px; padding: 0 1em; }
          h1 { font-size: 1.5em; margin: 0 0 .2em; }
          h2 { font-size: 1.2em; border-bottom: 2px solid #d0d7de; padding-bottom: .2em; margin-top: 1.6em; }
          h3 { font-size: 1.05em; margin: 0 0 .4em; }
          .sub { color: #57606a; margin: 0 0 1em; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; vertical-align: top; padding: .35em .6em; border-bottom: 1px solid #d0d7de; }
          th { background: #f6f8fa; font-weight: 600; }
          table.facts { width: auto; }
          table.facts th { background: none; padding-left: 0; color: #57606a; font-weight: normal; }
          .counts { display: flex; flex-wrap: wrap; gap: .6em; margin: .6em 0; }
          .count { border: 1px solid #d0d7de; border-radius: 6px; padding: .4em .9em; min-width: 6em; }
          .count b { display: block; font-size: 1.5em; }
          .score { font-size: 1.2em; }
          .verdict { display: inline-block; min-width: 7.5em; padding: .1em .5em; border-radius: 4px; font-weight: 600; text-align: center; }
          .v-pass { background: #dafbe1; color: #116329; }
          .v-fail { background: #ffebe9; color: #a40e26; }
          .v-error, .v-unknown { background: #fff1e5; color: #953800; }
          .v-notapplicable, .v-notselected { background: #eaeef2; color: #57606a; }
          .v-notchecked, .v-informational, .v-fixed { background: #ddf4ff; color: #0550ae; }
          .cat, td.mono, .verdict { white-space: nowrap; }
          .mono { font-family: ui-monospace, Consolas, "Courier New", monospace; font-size: .92em; }
          section.finding { border: 1px solid #d0d7de; border-left: 5px solid #cf222e; border-radius: 6px; padding: .8em 1em; margin: 1em 0; page-break-inside: avoid; }
          section.finding.error { border-left-color: #bc4c00; }
          .label { font-weight: 600; margin: .6em 0 .2em; }
          pre { white-space: pre-wrap; word-wrap: break-word; background: #f6f8fa; border-radius: 4px; padding: .6em; margin: 0; font-size: .9em; }
          .override { background: #fff8c5; padding: .4em .6em; border-radius: 4px; }
          footer { color: #57606a; font-size: .85em; margin-top: 2em; }
          @media print {
            body { margin: 0; max-width: none; font-size: 11pt; }
            * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            tr { page-break-inside: avoid; }
            h2 { page-break-after: avoid; }
          }
        </style>
      </head>
      <body>
        <h1>{($b/x:title, 'XCCDF results')[1]}</h1>
        <p class="sub">
          <xsl:if test="$b/x:version">Version {$b/x:version}</xsl:if>
          <xsl:if test="$b/x:plain-text[@id = 'release-info']">, {$b/x:plain-text[@id = 'release-info']}</xsl:if>
        </p>
        <table class="facts">
          <tr><th>Host</th><td>{$host}</td></tr>
          <xsl:variable name="fqdn" select="$tr/x:target-facts/x:fact[ends-with(@name, ':fqdn')][1]"/>
          <xsl:if test="$fqdn"><tr><th>FQDN</th><td>{$fqdn}</td></tr></xsl:if>
          <xsl:if test="$tr/x:target-address"><tr><th>Address</th><td>{string-join($tr/x:target-address, ', ')}</td></tr></xsl:if>
          <tr><th>Benchmark</th><td class="mono">{($b/@id, $tr/x:benchmark/@id)[1]}</td></tr>
          <xsl:if test="$tr/x:profile"><tr><th>Profile</th><td class="mono">{$tr/x:profile/@idref}</td></tr></xsl:if>
          <tr><th>Evaluated</th><td>{($tr/@start-time, '?')[1]} to {$tr/@end-time}</td></tr>
          <xsl:if test="$tr/@test-system"><tr><th>Tool</th><td class="mono">{$tr/@test-system}</td></tr></xsl:if>
        </table>

        <h2>Summary</h2>
        <xsl:for-each select="$tr/x:score[1]">
          <p class="score">Score <b>{format-number(xs:decimal(.), '0.##')}</b>
            <xsl:if test="@maximum"> of {format-number(xs:decimal(@maximum), '0.##')}
              <xsl:if test="xs:decimal(@maximum) gt 0"> ({format-number(100 * xs:decimal(.) div xs:decimal(@maximum), '0.#')} %)</xsl:if>
            </xsl:if>
          </p>
        </xsl:for-each>
        <div class="counts">
          <xsl:for-each select="$order">
            <xsl:variable name="v" select="."/>
            <xsl:variable name="n" select="count($tr/x:rule-result[x:result = $v])"/>
            <xsl:if test="$n gt 0 or $v = ('pass', 'fail')">
              <div class="count"><b>{$n}</b><span class="verdict v-{$v}">{$v}</span></div>
            </xsl:if>
          </xsl:for-each>
        </div>
        <xsl:variable name="unevaluated" select="count($b//x:Rule) - count($tr/x:rule-result)"/>
        <xsl:if test="$unevaluated gt 0">
          <p>{$unevaluated} further rule(s) of the benchmark were not evaluated and need a manual review.</p>
        </xsl:if>

        <h2>Rules</h2>
        <table class="rules">
          <thead><tr><th>Result</th><th>STIG ID</th><th>Severity</th><th>Rule ID</th><th>Title</th></tr></thead>
          <tbody>
            <xsl:for-each select="$tr/x:rule-result">
              <xsl:variable name="rule" select="key('rule', @idref)"/>
              <tr>
                <td><span class="verdict v-{x:result}">{x:result}</span></td>
                <td class="mono">{$rule/x:version}</td>
                <td class="cat"><xsl:call-template name="severity"><xsl:with-param name="s" select="(@severity, $rule/@severity)[1]"/></xsl:call-template></td>
                <td class="mono">{replace(@idref, '^xccdf_[^_]+_rule_', '')}</td>
                <td>{$rule/x:title}</td>
              </tr>
            </xsl:for-each>
            <xsl:for-each select="$b//x:Rule[not(@id = $tr/x:rule-result/@idref)]">
              <tr>
                <td><span class="verdict v-notchecked">not evaluated</span></td>
                <td class="mono">{x:version}</td>
                <td class="cat"><xsl:call-template name="severity"><xsl:with-param name="s" select="@severity"/></xsl:call-template></td>
                <td class="mono">{replace(@id, '^xccdf_[^_]+_rule_', '')}</td>
                <td>{x:title}</td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>

        <xsl:variable name="findings" select="$tr/x:rule-result[x:result = ('fail', 'error')]"/>
        <xsl:if test="$findings">
          <h2>Findings</h2>
          <xsl:for-each select="$findings">
            <xsl:variable name="rule" select="key('rule', @idref)"/>
            <section class="finding {x:result}">
              <h3><span class="verdict v-{x:result}">{x:result}</span>&#160; {$rule/x:version} – {($rule/x:title, @idref)[1]}</h3>
              <div class="mono">{replace(@idref, '^xccdf_[^_]+_rule_', '')} ·
                <xsl:call-template name="severity"><xsl:with-param name="s" select="(@severity, $rule/@severity)[1]"/></xsl:call-template>
                <xsl:if test="x:ident"> · {string-join(x:ident, ', ')}</xsl:if></div>
              <xsl:for-each select="x:override">
                <p class="override">Overridden by {@authority} on {@time}: {x:old-result} → {x:new-result}. {x:remark}</p>
              </xsl:for-each>
              <div class="label">Evidence</div>
              <pre>{if (x:message) then string-join(x:message, '&#10;') else 'No evidence recorded.'}</pre>
              <xsl:if test="$rule/x:check/x:check-content">
                <div class="label">Check</div>
                <pre>{$rule/x:check/x:check-content}</pre>
              </xsl:if>
              <xsl:if test="$rule/x:fixtext">
                <div class="label">Fix</div>
                <pre>{$rule/x:fixtext}</pre>
              </xsl:if>
            </section>
          </xsl:for-each>
        </xsl:if>
        <footer>Generated from {($tr/@id)} ({$tr/@end-time}).</footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="severity">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'high'">CAT I (high)</xsl:when>
      <xsl:when test="$s = 'medium'">CAT II (medium)</xsl:when>
      <xsl:when test="$s = 'low'">CAT III (low)</xsl:when>
      <xsl:otherwise>{$s}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
