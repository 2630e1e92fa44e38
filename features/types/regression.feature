@types
Feature: Debezium's MySQL regression test, as scenarios
  Debezium 3.4.0.Final, debezium-connector-binlog: BinlogRegressionIT with
  src/test/resources/ddl/regression_test.sql (run by MySqlConnectorRegressionIT and the MariaDB
  connector's RegressionIT). Every expectation of the test's event checks is written here as in SQL and
  compared by meaning: TIME beyond 24 hours and negative, TIMESTAMP(2) without padded fraction, BIT(64)
  without leading zeros, zero dates as Debezium represents them.

  MySQL rounds a fraction to the column's precision ('17:51:04.777' in a TIME(2) is 17:51:04.78); MariaDB
  truncates it (17:51:04.77), as the test's getNanos()/getDuration() say. Each flavour has its own examples.

  Scenario Outline: regression_test.sql streamed with the default modes on <flavour>
    BinlogRegressionIT.shouldConsumeAllEventsFromDatabaseUsingBinlogAndNoSnapshot (DBZ-61, DBZ-84, DBZ-85,
    DBZ-100, DBZ-102, DBZ-104, DBZ-114, DBZ-123, DBZ-147, DBZ-195, DBZ-342, DBZ-1318, DBZ-7594). The session
    time zone is UTC, so TIMESTAMP literals are UTC instants.

    Given the connector "types-connector" is registered from "connectors/types-connector.json"
    When I execute the SQL file "sql/types/regression.sql"
    Then topic "types.types.t1464075356413_testtable6" receives a create event with:
      | after.pk_column     | 1            |
      | after.varbinary_col | 0x4D7953514C |
    And topic "types.types.t1464075356413_testtable6" receives a create event with:
      | after.varbinary_col | MySQL |
    And topic "types.types.dbz84_integer_types_table" receives a create event with:
      | after.colTinyIntA   | 127  |
      | after.colTinyIntB   | -128 |
      | after.colTinyIntC   | 128  |
      | after.colTinyIntD   | 255  |
      | after.colSmallIntA  | 200  |
      | after.colSmallIntB  | 201  |
      | after.colSmallIntC  | 202  |
      | after.colSmallIntD  | 203  |
      | after.colMediumIntA | 300  |
      | after.colMediumIntB | 301  |
      | after.colMediumIntC | 302  |
      | after.colMediumIntD | 303  |
      | after.colIntA       | 400  |
      | after.colIntB       | 401  |
      | after.colIntC       | 402  |
      | after.colIntD       | 403  |
      | after.colBigIntA    | 500  |
      | after.colBigIntB    | 501  |
      | after.colBigIntC    | 502  |
      | after.colBigIntD    | 503  |
    And topic "types.types.dbz_85_fractest" receives a create event with:
      | after.c1 | 2014-09-08                |
      | after.c2 | 17:51:04.<frac>           |
      | after.c3 | 2014-09-08T17:51:04.<frac> |
      | after.c4 | 2014-09-08T17:51:04.<frac>Z |
    And topic "types.types.dbz_100_enumsettest" holds exactly these events in order:
      | op     | after.c1 | after.c2 |
      | create | a        | a,b,c    |
      | create | b        | a,b      |
      | create | c        | a        |
    And topic "types.types.dbz_102_charsettest" receives a create event with:
      | after.id   | 2001 |
      | after.text | 产品   |
    And topic "types.types.dbz_114_zerovaluetest" holds exactly these events in order:
      | op     | after.c1 | after.c2 | after.c3 | after.c4             |
      | create | null     | 00:00:00 | null     | 1970-01-01T00:00:00Z |
      | create | null     | 00:01:00 | null     | 1970-01-01T00:00:00Z |
    And topic "types.types.dbz_1318_zerovaluetest" holds exactly these events in order:
      | op     | after.c1 | after.c2 | after.c3 | after.c4             | after.nnc1 | after.nnc2 | after.nnc3          |
      | create | null     | 00:00:00 | null     | 1970-01-01T00:00:00Z | 1970-01-01 | 00:00:00   | 1970-01-01T00:00:00 |
      | create | null     | 00:01:00 | null     | 1970-01-01T00:00:00Z | 1970-01-01 | 00:01:00   | 1970-01-01T00:00:00 |
    And topic "types.types.dbz_123_bitvaluetest" holds exactly these events in order:
      | op     | after.c1 | after.c2 | after.c3 | after.c4                  |
      | create | 1        | 10       | 1000000  | 1011011100000111011011011 |
      | create | true     | b'10'    | 01000000 | b'1011011100000111011011011' |
    And topic "types.types.dbz_104_customers" holds exactly these events in order:
      | op     | after.id | after.first_name | after.last_name | after.email           |
      | create | 1001     | Sally            | Thomas          | sally.thomas@acme.com |
      | create | 1002     | George           | Bailey          | gbailey@foobar.com    |
      | create | 1003     | Edward           | Walker          | ed@walker.com         |
      | create | 1004     | Anne             | Kretchmar       | annek@noanswer.org    |
    And topic "types.types.dbz_147_decimalvalues" receives a create event with:
      | after.decimal_value | 12345.67 |
    And topic "types.types.dbz_195_numvalues" holds exactly these events in order:
      | op     | after.id | after.search_version_read |
      | create | 4972     | 0                         |
      | create | 4973     | -2147483648               |
      | create | 4974     | 2147483647                |
    And topic "types.types.dbz_342_timetest" receives a create event with:
      | after.c1  | 517:51:04.<frac>  |
      | after.c2  | -13:14:50         |
      | after.c3  | -733:00:00.001    |
      | after.c4  | -1:59:59.001      |
      | after.c5  | -838:59:58.999999 |
      | after.c6  | -00:20:38         |
      | after.c7  | -01:01:01.000001  |
      | after.c8  | -01:01:01         |
      | after.c9  | -01:01:00         |
      | after.c10 | -01:00:00         |
      | after.c11 | 00:00:00          |

    @mysql-only
    Examples: MySQL rounds fractions
      | flavour | frac |
      | MySQL   | 78   |

    @mariadb-only
    Examples: MariaDB truncates fractions
      | flavour | frac |
      | MariaDB | 77   |
