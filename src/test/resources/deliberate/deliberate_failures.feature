Feature: Deliberate failures
  Run only by EvidenceAndReportIT (this file is not under features/): one scenario passes and one fails
  on purpose, so that the test can look at the evidence and the report a failure leaves behind.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"

  Scenario: a passing scenario keeps no evidence
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      UPDATE shop.customers SET name = 'Anna' WHERE id = 1;
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      """
    Then topic "shop.shop.customers" receives an update event with:
      | after.name | Anna |
    And topic "shop.shop.orders" receives a create event with after:
      | id | 10 |

  Scenario: a check that cannot pass leaves its evidence
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      """
    Then topic "shop.shop.customers" receives a create event with after:
      | name | Jill |
