@faults
Feature: The binlog is purged while the connector is stopped
  A stopped connector keeps its offset: a binlog position. If the server purges that binlog file
  before the connector comes back, the connector cannot carry on where it stopped; Debezium says so
  and the task fails. With snapshot.mode=when_needed it takes a new snapshot instead.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"

  Scenario Outline: the task fails with Debezium's or the server's own message
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id | 1 |
    When I stop the connector "shop-connector"
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com');
      """
    And I purge the binary logs
    Then resuming the connector "shop-connector" fails with a message containing "<message>"

    @mysql-only
    Examples: MySQL: Debezium finds the binlog position gone before it reads
      | message                           |
      | no longer available on the server |

    @mariadb-only
    Examples: MariaDB: the server refuses the GTID position (error 1236)
      | message                                |
      | required binlog files have been purged |

  @mysql-only
  Scenario: with snapshot.mode=when_needed the connector takes a new snapshot
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | snapshot.mode | when_needed |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id | 1 |
    When I stop the connector "shop-connector"
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com');
      """
    And I purge the binary logs
    And I resume the connector "shop-connector"
    Then topic "shop.shop.customers" receives a read event with:
      | after.id   | 2   |
      | after.name | Bob |

  @mariadb-only
  Scenario: on MariaDB, when_needed does not help; deleting the stored offsets does
    Debezium 3.4's MariaDB connector resumes by GTID and does not see beforehand that the binlog it
    needs is gone: even with snapshot.mode=when_needed the server refuses the position (error 1236).
    Deleting the stored offsets makes it take a new snapshot.
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | snapshot.mode | when_needed |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id | 1 |
    When I stop the connector "shop-connector"
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com');
      """
    And I purge the binary logs
    Then resuming the connector "shop-connector" fails with a message containing "required binlog files have been purged"
    When I stop the connector "shop-connector"
    And I delete the stored offsets of the connector "shop-connector"
    And I resume the connector "shop-connector"
    Then topic "shop.shop.customers" receives a read event with:
      | after.id   | 2   |
      | after.name | Bob |
