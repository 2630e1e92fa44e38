Feature: The initial snapshot and the switch to streaming
  Rows that exist before the connector is registered are read by a snapshot and arrive as read
  events (op "r"); source.snapshot marks the first and the last. Then the connector streams the
  binlog from where the snapshot ended: no gap, no duplicate.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com'), (2, 'Bob', 'bob@example.com'), (3, 'Cy', 'cy@example.com');
      """

  Scenario: existing rows arrive as read events and the last one is marked
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op   | after.id | source.snapshot |
      | read | 1        | first           |
      | read | 2        | true            |
      | read | 3        | last            |

  Scenario: with snapshot.mode no_data only later changes are captured
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | snapshot.mode | no_data |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (4, 'Dee', 'dee@example.com');
      """
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op     | after.id | source.snapshot |
      | create | 4        | false           |

  Scenario: streaming continues after the snapshot without gap or duplicate
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (4, 'Dee', 'dee@example.com');
      UPDATE shop.customers SET name = 'Annie' WHERE id = 1;
      """
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op     | after.id | after.name |
      | read   | 1        | Ann        |
      | read   | 2        | Bob        |
      | read   | 3        | Cy         |
      | create | 4        | Dee        |
      | update | 1        | Annie      |
