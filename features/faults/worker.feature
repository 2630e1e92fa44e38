@faults
Feature: The Connect worker dies or restarts under load
  Debezium delivers at least once: when the Connect worker is killed, it starts again from the offsets
  it stored last (every offset.flush.interval.ms), so nothing is lost and the events after that offset
  come twice. A graceful restart stores its offsets first, so nothing comes twice.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And I execute the SQL file "sql/shop-load.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    And a background writer inserts, updates and deletes rows of table "shop.load" at 400 writes per second

  Scenario: the worker is killed during a bulk load: nothing is lost, some events come twice
    When the background writer has written 500 rows
    And I kill the Connect worker
    And the background writer has written 1500 rows
    And I start the Connect worker again
    And the background writer has written 2000 rows
    And I stop the background writer
    Then topic "shop.shop.load" reconciles with table "shop.load" under at-least-once delivery
    And the connector "shop-connector" resumed at or before its stored offset

  Scenario: a graceful restart of the worker loses nothing and repeats nothing
    When the background writer has written 500 rows
    And I restart the Connect worker
    And the background writer has written 1000 rows
    And I stop the background writer
    Then topic "shop.shop.load" reconciles with table "shop.load" under exactly-once delivery
    And the connector "shop-connector" resumed at or before its stored offset
