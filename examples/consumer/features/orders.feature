Feature: The order service's changes reach Kafka
  The order service writes orders and their lines in one transaction; downstream services read
  the orderservice.orders.* topics.

  Background:
    Given I execute the SQL file "sql/orders-schema.sql"
    And the connector "orders-connector" is registered from "connectors/orders-connector.json"

  Scenario: an order and its lines are one transaction
    When I execute SQL:
      """
      BEGIN;
      INSERT INTO orders.purchase_order VALUES (1001, 'ann', 'NEW', 59.80, '2026-11-25 09:00:00');
      INSERT INTO orders.order_line VALUES (1001, 1, 'TEA-GREEN', 2), (1001, 2, 'CUP-WHITE', 1);
      COMMIT;
      """
    Then topic "orderservice.orders.purchase_order" receives a create event with:
      | after.id         | 1001                |
      | after.status     | NEW                 |
      | after.total      | 59.80               |
      | after.created_at | 2026-11-25T09:00:00 |
    And topic "orderservice.orders.order_line" holds these events in any order:
      | op     | key.order_id | key.line_no | after.sku |
      | create | 1001         | 1           | TEA-GREEN |
      | create | 1001         | 2           | CUP-WHITE |
    And the transaction topic "orderservice.transaction" records a transaction of 3 events

  Scenario: an order moves through its states
    When I execute SQL:
      """
      INSERT INTO orders.purchase_order VALUES (1002, 'bob', 'NEW', 10.00, '2026-11-25 09:05:00');
      UPDATE orders.purchase_order SET status = 'PAID' WHERE id = 1002;
      UPDATE orders.purchase_order SET status = 'SHIPPED' WHERE id = 1002;
      """
    Then on topic "orderservice.orders.purchase_order" the events with key.id = "1002" are, in order: "create, update, update"
    And topic "orderservice.orders.purchase_order" receives an update event with:
      | before.status | PAID    |
      | after.status  | SHIPPED |
