Feature: Expectations on a topic: sequences, any order, counts and per-key history
  Events are matched field by field with dotted paths (op, after.name, source.table, key.id).
  "Exactly", "in order" and "no further" expectations are judged once the pipeline has settled: the
  harness rotates the binlog and waits until the connector's stored offset is past the rotation, so
  every event the SQL caused is in Kafka before it counts. No sleeps.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"

  Scenario: events in any order
    When I execute SQL:
      """
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      INSERT INTO shop.orders VALUES (11, 2, 15.00, 'new');
      """
    Then topic "shop.shop.orders" holds these events in any order:
      | op     | after.id | after.total |
      | create | 11       | 15.00       |
      | create | 10       | 99.90       |

  Scenario: an exact count of records
    When I execute SQL:
      """
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new'), (11, 2, 15.00, 'new'), (12, 3, 7.50, 'new');
      """
    Then topic "shop.shop.orders" holds exactly 3 records

  Scenario: the history of one key, in order
    When I execute SQL:
      """
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      INSERT INTO shop.orders VALUES (11, 2, 15.00, 'new');
      UPDATE shop.orders SET status = 'paid' WHERE id = 10;
      UPDATE shop.orders SET status = 'shipped' WHERE id = 10;
      DELETE FROM shop.orders WHERE id = 10;
      """
    Then on topic "shop.shop.orders" the events with key.id = "10" are, in order: "create, update, update, delete, tombstone"
    And on topic "shop.shop.orders" the events with key.id = "11" are, in order: "create"

  Scenario: no further event after the ones already checked
    When I execute SQL:
      """
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      """
    Then topic "shop.shop.orders" receives a create event with:
      | after.id | 10 |
    When I execute SQL:
      """
      UPDATE shop.orders SET status = 'new' WHERE id = 10;
      UPDATE shop.customers SET name = 'nobody' WHERE id = 999;
      """
    Then topic "shop.shop.orders" receives no further events
