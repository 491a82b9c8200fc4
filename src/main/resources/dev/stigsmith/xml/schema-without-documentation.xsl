<?xml version="1.0" encoding="UTF-8"?>
<!-- A schema document without what a validator never reads: xs:annotation (documentation and appinfo),
     comments, processing instructions and whitespace between elements (schema elements hold no text
     outside annotations). Everything else, namespace declarations included, is copied as it is. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>
  <xsl:mode on-no-match="shallow-copy"/>
  <xsl:template match="xs:annotation | comment() | processing-instruction()"/>
</xsl:stylesheet>
