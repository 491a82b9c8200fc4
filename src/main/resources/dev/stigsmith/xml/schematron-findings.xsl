<?xml version="1.0" encoding="UTF-8"?>
<!--
  Applied to the official compiled Schematron stylesheets when they are loaded (the files themselves are
  used as shipped). Those stylesheets print each failed assertion or successful report as a line of text with
  no location. This wraps each such message in an sv:finding element that also records the XPath of the
  node the rule fired on, computed by the stylesheet's own "schematron-get-full-path" templates, so that a
  finding can be traced back to a line of the checked document.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:out="urn:dev.stigsmith:xsl-alias"
    xmlns:sv="urn:dev.stigsmith:schematron-findings"
    exclude-result-prefixes="out">
  <xsl:namespace-alias stylesheet-prefix="out" result-prefix="xsl"/>
  <xsl:mode on-no-match="shallow-copy"/>

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
