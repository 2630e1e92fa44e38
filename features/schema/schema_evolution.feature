Feature: Schema evolution is captured and later events carry the new shape
  Each DDL statement appears on the schema change topic (named after topic.prefix) and in the
  connector's schema history topic; events after the change have the new columns.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """

  Scenario: ADD COLUMN
    When I execute SQL:
      """
      ALTER TABLE shop.customers ADD COLUMN phone VARCHAR(20);
      INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com', '555-0100');
      """
    Then the schema change topic "shop" carries DDL "ALTER TABLE shop.customers ADD COLUMN phone VARCHAR(20)"
    And the schema history of connector "shop-connector" records DDL "ALTER TABLE shop.customers ADD COLUMN phone"
    And topic "shop.shop.customers" receives a create event with:
      | after.id    | 2        |
      | after.phone | 555-0100 |
    And the latest event on topic "shop.shop.customers" has exactly the after fields "id, name, email, phone"

  Scenario: DROP COLUMN
    When I execute SQL:
      """
      ALTER TABLE shop.customers DROP COLUMN email;
      INSERT INTO shop.customers VALUES (2, 'Bob');
      """
    Then the schema change topic "shop" carries DDL "ALTER TABLE shop.customers DROP COLUMN email"
    And the schema history of connector "shop-connector" records DDL "DROP COLUMN email"
    And topic "shop.shop.customers" receives a create event with:
      | after.id    | 2        |
      | after.email | (absent) |
    And the latest event on topic "shop.shop.customers" has exactly the after fields "id, name"

  Scenario: RENAME COLUMN
    When I execute SQL:
      """
      ALTER TABLE shop.customers RENAME COLUMN email TO mail;
      INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com');
      """
    Then the schema change topic "shop" carries DDL "RENAME COLUMN email TO mail"
    And the schema history of connector "shop-connector" records DDL "RENAME COLUMN email TO mail"
    And topic "shop.shop.customers" receives a create event with:
      | after.id   | 2               |
      | after.mail | bob@example.com |
    And the latest event on topic "shop.shop.customers" has exactly the after fields "id, name, mail"

  Scenario: RENAME TABLE moves later events to the new table's topic
    When I execute SQL:
      """
      RENAME TABLE shop.customers TO shop.clients;
      INSERT INTO shop.clients VALUES (2, 'Bob', 'bob@example.com');
      """
    Then the schema change topic "shop" carries DDL "RENAME TABLE shop.customers TO shop.clients"
    And the schema history of connector "shop-connector" records DDL "RENAME TABLE shop.customers TO shop.clients"
    And topic "shop.shop.clients" receives a create event with:
      | after.id     | 2       |
      | source.table | clients |

  Scenario: DROP TABLE
    When I execute SQL:
      """
      DROP TABLE shop.customers;
      """
    Then the schema change topic "shop" carries DDL "DROP TABLE shop.customers"
    And the schema history of connector "shop-connector" records DDL "DROP TABLE shop.customers"
