package dev.stigsmith.oval.model;

import java.util.List;

/**
 * An entity of an item, or a field of a record entity.
 *
 * @param value text; null when nil, for records, or when the status says there is no value
 * @param status exists, does not exist, error or not collected
 */
public record ItemEntity(
    String name, String value, String datatype, String status, boolean nil, List<ItemEntity> fields) {
  public static final String EXISTS = "exists";
  public static final String DOES_NOT_EXIST = "does not exist";

  public ItemEntity {
    fields = List.copyOf(fields);
  }

  public static ItemEntity of(String name, String value, String datatype) {
    return new ItemEntity(name, value, datatype, EXISTS, false, List.of());
  }

  public static ItemEntity string(String name, String value) {
    return of(name, value, "string");
  }

  public static ItemEntity record(String name, List<ItemEntity> fields) {
    return new ItemEntity(name, null, "record", EXISTS, false, fields);
  }

  public static ItemEntity nil(String name, String datatype) {
    return new ItemEntity(name, null, datatype, EXISTS, true, List.of());
  }

  public boolean exists() {
    return EXISTS.equals(status);
  }
}
