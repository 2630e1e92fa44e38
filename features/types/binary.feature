@types
Feature: Binary columns in every binary.handling.mode, compared by their bytes
  Debezium 3.4.0.Final, debezium-connector-binlog: BinlogBinaryModeIT (binary_mode_test.sql; DBZ-1814,
  DBZ-5544, DBZ-8076: snapshot and streaming) and BinlogFixedLengthBinaryColumnIT (binary_column_test.sql;
  DBZ-254, DBZ-3912, DBZ-5544); the BINARY, VARBINARY and BLOB rows of the "Basic types" table of the MySQL and
  MariaDB connector documentation. Whatever the mode (bytes: base64 of the bytes in JSON; base64;
  base64-url-safe; hex), a value is written as in SQL, 0x010203, and compared by its bytes. BINARY(n) is padded
  with zero bytes by the database.

  Scenario Outline: binary.handling.mode=<mode>, read in the snapshot and streamed
    Given I execute the SQL file "sql/types/binary.sql"
    And the connector "types-connector" is registered from "connectors/types-connector.json" with:
      | binary.handling.mode | <mode> |
    Then topic "types.types.dbz_1814_binary_mode_test" receives a read event with:
      | after.blob_col       | 0x010203 |
      | after.tinyblob_col   | 0x010203 |
      | after.mediumblob_col | 0x010203 |
      | after.longblob_col   | 0x010203 |
      | after.binary_col     | 0x010203 |
      | after.varbinary_col  | x'010203' |
    When I execute SQL:
      """
      INSERT INTO types.dbz_1814_binary_mode_test VALUES (default, X'010203', X'010203', X'010203', X'010203', X'010203', X'010203');
      INSERT INTO types.dbz_254_binary_column_test VALUES (default, unhex(replace('651aed08-390f-4893-b2f1-36923e7b7400','-','')));
      INSERT INTO types.dbz_254_binary_column_test VALUES (default, unhex(replace('651aed08-390f-4893-b2f1-36923e7b74ab','-','')));
      INSERT INTO types.dbz_254_binary_column_test VALUES (default, unhex(replace('651aed08-390f-4893-b2f1-36923e7b74','-','')));
      INSERT INTO types.dbz_254_binary_column_test VALUES (default, unhex(00));
      """
    Then topic "types.types.dbz_1814_binary_mode_test" receives a create event with:
      | after.id             | 2        |
      | after.blob_col       | 0x010203 |
      | after.tinyblob_col   | 0x010203 |
      | after.mediumblob_col | 0x010203 |
      | after.longblob_col   | 0x010203 |
      | after.binary_col     | 0x010203 |
      | after.varbinary_col  | 0x010203 |
    And topic "types.types.dbz_254_binary_column_test" holds these events in any order:
      | op     | after.id | after.file_uuid                    |
      | create | 1        | 0x651aed08390f4893b2f136923e7b7400 |
      | create | 2        | 0x651aed08390f4893b2f136923e7b74ab |
      | create | 3        | 0x651aed08390f4893b2f136923e7b7400 |
      | create | 4        | 0x00000000000000000000000000000000 |
    And topic "types.types.dbz_254_binary_column_test" receives a create event with:
      | after.id        | 2                                |
      | after.file_uuid | <as on the wire>                 |

    Examples: every mode, with the value as Debezium's tests read it on the wire
      | mode            | as on the wire                   |
      | bytes           | 0x651AED08390F4893B2F136923E7B74AB |
      | base64          | ZRrtCDkPSJOy8TaSPnt0qw==         |
      | base64-url-safe | ZRrtCDkPSJOy8TaSPnt0qw==         |
      | hex             | 651aed08390f4893b2f136923e7b74ab |
