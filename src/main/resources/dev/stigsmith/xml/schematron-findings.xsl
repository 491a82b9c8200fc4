<?xml version="1.0" encoding="UTF-8"?>
<!--
  Applied to the official compiled Schematron stylesheets when they are loaded (the files themselves are
  used as shipped). Those stylesheets print each failed assertion or successful report as a line of text with
  no location. This wraps each such message in an sv:finding element that also records the XPath of the
  node the rule fired on, computed by the stylesheet's own "schematron-get-full-path" templates, so that a
  finding can be traced back to a line of the checked document.

  It also gives the XCCDF rules' id lookups keys. Those rules find the item an idref names by scanning the
  whole document once per referring element (/*//xccdf:Rule[@id=$idref]); a data stream with 30,000
  Profile selects took 87 s in that alone. Each such expression is replaced, text for text, by one that
  selects the same nodes through xsl:key; an expression not listed is left as it is (correct, only slower).
  SchematronKeysTest holds that the findings are the same with and without the keys.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:out="urn:dev.stigsmith:xsl-alias"
    xmlns:sv="urn:dev.stigsmith:schematron-findings"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="out xs">
  <xsl:namespace-alias stylesheet-prefix="out" result-prefix="xsl"/>
  <xsl:mode on-no-match="shallow-copy"/>
  <xsl:param name="keyed" select="true()"/>

  <!-- Official expression, then its keyed equivalent (same nodes; document order where it matters). -->
  <xsl:variable name="lookups" as="xs:string*" select="(
    '/*//xccdf:plain-text[@id=$object_data_id]|/*//xccdf:Value[@id=$object_data_id]|/*//xccdf:fact[@id=$object_data_id]',
    'key(''sv-id'', $object_data_id)[self::xccdf:plain-text or self::xccdf:Value or self::xccdf:fact]',
    'local-name(/*//xccdf:Rule[@id = $extend_ref]|/*//xccdf:Group[@id = $extend_ref]|/*//xccdf:Value[@id = $extend_ref]|/*//xccdf:Profile[@id = $extend_ref])',
    'local-name((key(''sv-id'', $extend_ref)[self::xccdf:Rule or self::xccdf:Group or self::xccdf:Value or self::xccdf:Profile])[1])',
    '/*//xccdf:Rule[@id=$idref or @cluster-id=$idref]|/*//xccdf:Group[@id=$idref or @cluster-id=$idref]',
    '(key(''sv-id'', $idref) | key(''sv-cluster'', $idref))[self::xccdf:Rule or self::xccdf:Group]',
    '/*//xccdf:Value[@id=$idref or @cluster-id=$idref]',
    '(key(''sv-id'', $idref) | key(''sv-cluster'', $idref))[self::xccdf:Value]',
    './ancestor::xccdf:Benchmark//xccdf:Rule[@id=$idref]',
    'key(''sv-id'', $idref)[self::xccdf:Rule][ancestor::xccdf:Benchmark intersect current()/ancestor::xccdf:Benchmark]')"/>

  <xsl:template match="/xsl:stylesheet[$keyed][namespace::xccdf = 'http://checklists.nist.gov/xccdf/1.2']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <out:key name="sv-id" match="xccdf:*" use="@id" xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2"/>
      <out:key name="sv-cluster" match="xccdf:*" use="@cluster-id" xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2"/>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="@test[$keyed][contains(., 'xccdf:')]">
    <xsl:attribute name="test" select="sv:keyed(string(.), 1)"/>
  </xsl:template>

  <xsl:function name="sv:keyed" as="xs:string">
    <xsl:param name="expr" as="xs:string"/>
    <xsl:param name="i" as="xs:integer"/>
    <xsl:sequence select="if ($i gt count($lookups)) then $expr
        else sv:keyed(replace($expr, $lookups[$i], $lookups[$i + 1], 'q'), $i + 2)"/>
  </xsl:function>

  <!-- An assertion: <choose><when test="ok"/><otherwise>message</otherwise></choose>. -->
  <xsl:template match="xsl:choose[count(*) = 2 and xsl:when[not(node())]]/xsl:otherwise">
    <xsl:copy>
      <xsl:call-template name="finding"/>
    </xsl:copy>
  </xsl:template>

  <!-- A report: <if test="bad">message</if>, right after a REPORT comment. -->
  <xsl:template match="xsl:if[preceding-sibling::node()[not(self::text()[not(normalize-space())])][1]
                              [self::comment()][normalize-space(.) = 'REPORT']]">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:call-template name="finding"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="finding">
    <sv:finding>
      <out:attribute name="location">
        <out:apply-templates select="." mode="schematron-get-full-path"/>
      </out:attribute>
      <xsl:apply-templates select="node()"/>
    </sv:finding>
  </xsl:template>
</xsl:stylesheet>
