package dev.stigsmith.oval.model;

/** An OVAL definition; {@code criteria} is null only for deprecated definitions without criteria. */
public record Definition(
    String id, String version, String definitionClass, String title, CriteriaNode.Criteria criteria) {}
