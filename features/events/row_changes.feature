Feature: Row changes become create, update and delete events
  Every committed INSERT, UPDATE and DELETE on a captured table becomes a Debezium change event on
  the table's topic (<topic.prefix>.<database>.<table>), with the row before and after the change.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"

  Scenario: an insert is a create event with only an after image
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | key.id       | 1               |
      | before       | null            |
      | after.id     | 1               |
      | after.name   | Ann             |
      | after.email  | ann@example.com |
      | source.db    | shop            |
      | source.table | customers       |
    And every record on topic "shop.shop.customers" matches its own schema

  Scenario: an update carries the row before and after the change
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      UPDATE shop.customers SET email = 'ann@shop.test' WHERE id = 1;
      """
    Then topic "shop.shop.customers" receives an update event with:
      | before.email | ann@example.com |
      | after.email  | ann@shop.test   |
      | after.name   | Ann             |

  Scenario: a delete is followed by a tombstone
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      DELETE FROM shop.customers WHERE id = 1;
      """
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op        | key.id | before.name | after.name |
      | create    | 1      | null        | Ann        |
      | delete    | 1      | Ann         | null       |
      | tombstone | 1      | (absent)    | (absent)   |

  Scenario: no tombstone when tombstones.on.delete is false
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | tombstones.on.delete | false |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      DELETE FROM shop.customers WHERE id = 1;
      """
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op     | key.id |
      | create | 1      |
      | delete | 1      |

  Scenario: changing a primary key is a delete of the old key and a create of the new one
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      UPDATE shop.customers SET id = 2 WHERE id = 1;
      """
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op        | key.id | after.name |
      | create    | 1      | Ann        |
      | delete    | 1      | null       |
      | tombstone | 1      | (absent)   |
      | create    | 2      | Ann        |

  Scenario: a table without a primary key gives events with a null key
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      CREATE TABLE shop.audit_log (message VARCHAR(100), logged_at DATETIME);
      INSERT INTO shop.audit_log VALUES ('customer 1 signed up', '2024-01-31 10:15:30');
      """
    Then topic "shop.shop.audit_log" receives a create event with:
      | key             | null                 |
      | after.message   | customer 1 signed up |
      | after.logged_at | 2024-01-31T10:15:30  |
