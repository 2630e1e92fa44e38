Feature: Transactions
  With provide.transaction.metadata=true every event names its transaction, and the
  <topic.prefix>.transaction topic records BEGIN and END with the number of events.
  A rolled back transaction never reaches the binlog, so it produces nothing.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"

  Scenario: the events of one transaction share its id, and the transaction topic counts them
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | provide.transaction.metadata | true |
    When I execute SQL:
      """
      BEGIN;
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      INSERT INTO shop.orders VALUES (11, 1, 15.00, 'new');
      UPDATE shop.orders SET status = 'paid' WHERE id = 10;
      COMMIT;
      """
    Then the events on topic "shop.shop.orders" from the last SQL share one transaction id
    And the transaction topic "shop.transaction" records a transaction of 3 events

  Scenario: a rolled back transaction produces no events
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      """
    Then topic "shop.shop.orders" receives a create event with:
      | after.id | 10 |
    When I execute SQL:
      """
      BEGIN;
      INSERT INTO shop.orders VALUES (11, 1, 15.00, 'new');
      UPDATE shop.orders SET status = 'paid' WHERE id = 10;
      ROLLBACK;
      """
    Then topic "shop.shop.orders" receives no further events
