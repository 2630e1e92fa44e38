@types
Feature: JSON, ENUM, SET, text and character sets
  Debezium 3.4.0.Final, debezium-connector-binlog: BinlogJsonIT (json_test.sql; DBZ-126, DBZ-4605),
  BinlogEnumColumnIT (enum_column_test.sql; DBZ-1203), BinlogDefaultDatabaseCharsetIT (db_default_charset.sql);
  the JSON, ENUM, SET, CHAR/VARCHAR/TEXT, BIT and BOOLEAN rows of the "Basic types" table of the MySQL and MariaDB
  connector documentation. JSON compares as a document (a value in SQL quotes too; 'null' is the JSON document
  null, null is SQL NULL), SET as a set, ENUM and text as written ('' is the empty string), BIT(1) as a boolean.

  @mysql-only
  Scenario: JSON documents, arrays and scalars as Debezium reads them from the binlog (MySQL)
    BinlogJsonIT.shouldConsumeAllEventsFromDatabaseUsingBinlogAndNoSnapshot compares each row's json with its
    expectedBinlogStr; BinlogJsonIT.shouldProcessUpdate checks a JSON_REMOVE. The test is skipped on MariaDB
    ("MariaDB does not support JSON natively, its treated as long text as an alias").

    Given the connector "types-connector" is registered from "connectors/types-connector.json"
    When I execute the SQL file "sql/types/json.sql"
    Then topic "types.types.dbz_126_jsontable" holds these events in any order:
      | op     | after.id | after.json                                                  |
      | create | 1        | null                                                        |
      | create | 2        | {"a":2}                                                     |
      | create | 3        | [1,2]                                                       |
      | create | 4        | {"key1":"value1","key2":"value2"}                           |
      | create | 5        | ["a","b",1]                                                 |
      | create | 6        | {"k1":"v1","k2":{"k21":"v21","k22":"v22"},"k3":["a","b",1]} |
      | create | 7        | {"a":"b","c":"d","ab":"abc","bc":["x","y"]}                 |
      | create | 8        | ["here",["I","am"],"!!!"]                                   |
      | create | 9        | "scalar string"                                             |
      | create | 10       | true                                                        |
      | create | 11       | false                                                       |
      | create | 12       | 'null'                                                      |
      | create | 13       | -1                                                          |
      | create | 14       | 1                                                           |
      | create | 15       | 32767                                                       |
      | create | 16       | 32768                                                       |
      | create | 17       | -32768                                                      |
      | create | 18       | 2147483647                                                  |
      | create | 19       | 2147483648                                                  |
      | create | 20       | -2147483648                                                 |
      | create | 21       | -2147483649                                                 |
      | create | 22       | 18446744073709551615                                        |
      | create | 23       | 18446744073709551616                                        |
      | create | 24       | 3.14                                                        |
      | create | 25       | {}                                                          |
      | create | 26       | []                                                          |
      | create | 27       | "2015-01-15 23:24:25"                                       |
      | create | 28       | "2015-01-15 23:24:25.12"                                    |
      | create | 29       | "2015-01-15 23:24:25.024"                                   |
      | create | 30       | "23:24:25"                                                  |
      | create | 31       | "23:24:25.12"                                               |
      | create | 32       | "23:24:25.024"                                              |
      | create | 33       | "2015-01-15"                                                |
      | create | 34       | "2015-01-15 23:24:25"                                       |
      | create | 35       | "2015-01-15 23:24:25.12"                                    |
      | create | 36       | "2015-01-15 23:24:25.0237"                                  |
      | create | 37       | 1421364265                                                  |
      | create | 38       | {"type":"Point","coordinates":[1.0,1.0]}                    |
      | create | 39       | []                                                          |
      | create | 40       | "yv4="                                                      |
      | create | 41       | "yv66vg=="                                                  |
    And topic "types.types.deals" receives an update event with:
      | after.custom_fields | {"1f3a2ea5bc1f60258df20521bee9ac636df69a3a":{"currency":"USD"},"4f4d99a438f334d7dbf83a1816015b361b848b3b":{"currency":"USD"},"9021162291be72f5a8025480f44bf44d5d81d07c":"test_field_for_remove_fields_behaviour_3_will_be_removed","9b0ed11532efea688fdf12b28f142b9eb08a80c5":{"currency":"USD"},"e65ad0762c259b05b4866f7249eabecabadbe577":"test_field_for_remove_fields_behaviour_1_updated","ff2c07edcaa3e987c23fb5cc4fe860bb52becf00":{"currency":"USD"}} |

  Scenario: ENUM after ALTER, SET, text in UTF-8, BIT(1) and BOOLEAN
    BinlogEnumColumnIT.shouldAlterEnumColumnCharacterSet (DBZ-1203: enum values with commas and quotes after an
    ALTER), BinlogDefaultDatabaseCharsetIT (streamed part; the database is created with a UTF-8 default character set); BIT(1) is
    BOOLEAN and BIT(n) io.debezium.data.Bits in the documented type table.

    Given the connector "types-connector" is registered from "connectors/types-connector.json"
    When I execute the SQL file "sql/types/strings.sql"
    # The row holds c,'d; Debezium sends the value as its parser keeps it in the ENUM's allowed list, with the
    # comma escaped: c\,'d (the test checks only the allowed list: station,...,a\,b,c\,'d,g\,'h).
    Then topic "types.types.test_stations_10" holds these events in any order:
      | op     | after.name | after.type |
      | create | ha Tinh 7  | station    |
      | create | Ha Tinh 1  | now        |
      | create | Ha Tinh 2  | c\\,'d      |
    And topic "types.types.DATA" receives a create event with:
      | after.MESSAGE | Žluťoučký |
    And topic "types.types.basic_mappings" receives a create event with:
      | after.b         | true                |
      | after.b1        | 1                   |
      | after.b0        | false               |
      | after.b5        | 101                 |
      | after.c         | ab                  |
      | after.vc        | a 'quoted' word     |
      | after.tt        | tiny                |
      | after.t         | Žluťoučký kůň       |
      | after.mt        | medium              |
      | after.lt        | 产品                  |
      | after.e         | M                   |
      | after.s         | new,gift            |
      | after.empty_set | ''                  |
      | after.empty_text | ''                 |

  @mariadb-only
  Scenario: JSON on MariaDB: the text as inserted, compared as a JSON document
    BinlogJsonIT is skipped on MariaDB ("MariaDB does not support JSON natively, its treated as long text as an
    alias"). What the MariaDB connector sends for a JSON column created while it streams: the text exactly as
    inserted (MySQL sends its normalised binary JSON as text), still compared as a document.

    Given the connector "types-connector" is registered from "connectors/types-connector.json"
    When I execute SQL:
      """
      CREATE DATABASE types;
      CREATE TABLE types.dbz_126_jsontable (id INT PRIMARY KEY, json JSON);
      INSERT INTO types.dbz_126_jsontable VALUES (1, '{"a":   2}'), (2, '[1,  2]'), (3, '"scalar string"'), (4, 'null'), (5, NULL);
      """
    Then topic "types.types.dbz_126_jsontable" holds these events in any order:
      | op     | after.id | after.json      |
      | create | 1        | '{"a": 2}'      |
      | create | 2        | [1,2]           |
      | create | 3        | "scalar string" |
      | create | 4        | 'null'          |
      | create | 5        | null            |
