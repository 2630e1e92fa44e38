@types
Feature: Temporal types in both time.precision.modes, streamed and read in the snapshot
  Debezium 3.4.0.Final, debezium-connector-binlog: BinlogRegressionIT (regression_test.sql), BinlogYearIT
  (year_test.sql), BinlogDateTimeInKeyIT (datetime_key_test.sql); the "Temporal types" tables of the MySQL and
  MariaDB connector documentation: with adaptive_time_microseconds (the default) DATETIME(0-3) is
  io.debezium.time.Timestamp (ms), DATETIME(4-6) MicroTimestamp, TIME MicroTime; with connect they are Connect's
  Timestamp and Time (ms). TIMESTAMP is always a ZonedTimestamp in UTC. Values compare by instant or duration,
  so the same expectations hold in both modes except where connect loses the microseconds.

  The temporal_mappings row is written with the session time zone +02:00: its TIMESTAMPs are UTC instants two
  hours earlier, and can be written either way.

  Scenario Outline: time.precision.mode=connect, streamed, on <flavour>
    BinlogRegressionIT.shouldConsumeAllEventsFromDatabaseUsingBinlogAndNoSnapshotAndConnectTimesTypes (DBZ-61),
    BinlogYearIT.shouldProcessTwoAndForDigitYearsInConnector (DBZ-1143: with enable.time.adjuster=true, the
    default, Debezium itself turns year 0018 into 2018 and 0078 into 1978).

    Given the connector "types-connector" is registered from "connectors/types-connector.json" with:
      | time.precision.mode | connect |
    When I execute the SQL file "sql/types/regression.sql"
    And I execute the SQL file "sql/types/temporal.sql"
    Then topic "types.types.dbz_85_fractest" receives a create event with:
      | after.c1 | 2014-09-08                  |
      | after.c2 | 17:51:04.<frac>             |
      | after.c3 | 2014-09-08T17:51:04.<frac>  |
      | after.c4 | 2014-09-08T17:51:04.<frac>Z |
    And topic "types.types.dbz_114_zerovaluetest" holds these events in any order:
      | op     | after.c1 | after.c2 | after.c3 | after.c4             |
      | create | null     | 00:00:00 | null     | 1970-01-01T00:00:00Z |
      | create | null     | 00:01:00 | null     | 1970-01-01T00:00:00Z |
    # connect handles TIME only from 00:00:00 to 23:59:59.999 (documented): Debezium sends null for every other
    # TIME of regression_test.sql, without an error; -00:00:00 is 00:00:00.
    And topic "types.types.dbz_342_timetest" receives a create event with:
      | after.c1  | null     |
      | after.c2  | null     |
      | after.c3  | null     |
      | after.c5  | null     |
      | after.c7  | null     |
      | after.c10 | null     |
      | after.c11 | 00:00:00 |
    And topic "types.types.dbz_1143_year_test" receives a create event with:
      | after.y18    | 2018                |
      | after.y0018  | 2018                |
      | after.y2018  | 2018                |
      | after.d18    | 2018-04-01          |
      | after.d0018  | 2018-04-01          |
      | after.d2018  | 2018-04-01          |
      | after.dt18   | 2018-04-01T12:34:56 |
      | after.dt0018 | 2018-04-01T12:34:56 |
      | after.dt2018 | 2018-04-01T12:34:56 |
      | after.y78    | 1978                |
      | after.y0078  | 1978                |
      | after.y1978  | 1978                |
      | after.d78    | 1978-04-01          |
      | after.d0078  | 1978-04-01          |
      | after.d1978  | 1978-04-01          |
      | after.dt78   | 1978-04-01T12:34:56 |
      | after.dt0078 | 1978-04-01T12:34:56 |
      | after.dt1978 | 1978-04-01T12:34:56 |
    And topic "types.types.temporal_mappings" receives a create event with:
      | after.d   | 2024-01-31                |
      | after.y   | 2024                      |
      | after.dt0 | 2024-01-31 10:15:30       |
      | after.dt3 | 2024-01-31 10:15:30.25    |
      | after.dt4 | 2024-01-31T10:15:30.2500  |
      | after.dt6 | 2024-01-31T10:15:30.123   |
      | after.ts0 | 2024-01-31T12:15:30+02:00 |
      | after.ts6 | 2024-01-31T10:15:30.123456Z |
      | after.t0  | 10:15:30                  |

    @mysql-only
    Examples: MySQL rounds fractions
      | flavour | frac |
      | MySQL   | 78   |

    @mariadb-only
    Examples: MariaDB truncates fractions
      | flavour | frac |
      | MariaDB | 77   |

  Scenario Outline: adaptive_time_microseconds, read in the snapshot with enable.time.adjuster=false, on <flavour>
    BinlogRegressionIT.shouldConsumeAllEventsFromDatabaseUsingSnapshot (DBZ-342, DBZ-1318, DBZ-7594: TIME
    beyond 24 hours and negative, read through JDBC), BinlogYearIT.shouldProcessTwoAndForDigitYearsInDatabase
    (DBZ-1143: years as the database stores them), BinlogDateTimeInKeyIT.shouldAcceptAllZeroDatetimeInPrimaryKey
    (DBZ-1194: zero dates in a primary key arrive as the epoch).

    Given I execute the SQL file "sql/types/regression.sql"
    And I execute the SQL file "sql/types/temporal.sql"
    When the connector "types-connector" is registered from "connectors/types-connector.json" with:
      | enable.time.adjuster | false |
    Then topic "types.types.dbz_342_timetest" receives a read event with:
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
    And topic "types.types.dbz_85_fractest" receives a read event with:
      | after.c1 | 2014-09-08                  |
      | after.c2 | 17:51:04.<frac>             |
      | after.c3 | 2014-09-08T17:51:04.<frac>  |
      | after.c4 | 2014-09-08T17:51:04.<frac>Z |
    # A zero TIMESTAMP in a nullable column: streamed it is the epoch (regression.feature), read in the snapshot
    # it is null (the test's currentDateTimeDefaultOptional). NOT NULL zero dates are the epoch either way.
    And topic "types.types.dbz_1318_zerovaluetest" holds these events in any order:
      | op   | after.c1 | after.c2 | after.c3 | after.c4 | after.nnc1 | after.nnc2 | after.nnc3          |
      | read | null     | 00:00:00 | null     | null     | 1970-01-01 | 00:00:00   | 1970-01-01T00:00:00 |
      | read | null     | 00:01:00 | null     | null     | 1970-01-01 | 00:01:00   | 1970-01-01T00:00:00 |
    And topic "types.types.dbz_1143_year_test" receives a read event with:
      | after.y18    | 2018                |
      | after.y0018  | 2018                |
      | after.d18    | 2018-04-01          |
      | after.d0018  | 0018-04-01          |
      | after.dt18   | 2018-04-01T12:34:56 |
      | after.dt2018 | 2018-04-01T12:34:56 |
      | after.y0078  | 1978                |
      | after.d0078  | 0078-04-01          |
      | after.dt1978 | 1978-04-01T12:34:56 |
    And topic "types.types.dbz_1194_datetime_key_test" receives a read event with:
      | key.dtval | 1970-01-01T00:00:00 |
      | key.dval  | 1970-01-01          |
      | key.tval  | 00:00:00            |
    And topic "types.types.temporal_mappings" receives a read event with:
      | after.dt0 | 2024-01-31T10:15:30        |
      | after.dt3 | 2024-01-31T10:15:30.250    |
      | after.dt4 | 2024-01-31T10:15:30.25     |
      | after.dt6 | 2024-01-31T10:15:30.123456 |
      | after.ts0 | 2024-01-31T10:15:30Z       |
      | after.ts6 | 2024-01-31T12:15:30.123456+02:00 |
      | after.t0  | 10:15:30                   |
      | after.t6  | -10:15:30.123456           |

    @mysql-only
    Examples: MySQL rounds fractions
      | flavour | frac |
      | MySQL   | 78   |

    @mariadb-only
    Examples: MariaDB truncates fractions
      | flavour | frac |
      | MariaDB | 77   |
