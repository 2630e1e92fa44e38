Feature: SQL scripts as users have them
  SQL files run as the mysql client runs them: DELIMITER for routines and triggers, mysqldump output
  with its executable comments (/*!40101 ... */), LOCK TABLES and multi-row inserts, and text in
  any character set. What the scripts write arrives on the topics unchanged.

  Scenario: a mysqldump of the shop runs unchanged and its rows arrive as dumped
    Given I execute the SQL file "sql/shop-dump.sql"
    When the connector "shop-connector" is registered from "connectors/shop-connector.json"
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op   | key.id | after.name     |
      | read | 1      | Ann            |
      | read | 2      | O'Brien "Bob"  |
      | read | 3      | 김민준         |
    And topic "shop.shop.customers" receives a read event with:
      | after.id   | 1                            |
      | after.note | first; customer -- no comment |
    And topic "shop.shop.customers" receives a read event with:
      | after.id   | 2                                        |
      | after.note | path C:\\temp\\new; 50% off\nsecond line |
    And topic "shop.shop.customers" receives a read event with:
      | after.id   | 3                                      |
      | after.note | 변경 데이터 캡처 🚀 /* not a comment */ |
    And topic "shop.shop.legacy_notes" holds exactly these events in order:
      | op   | key.id | after.note             |
      | read | 1      | Crème brûlée, Straße   |
      | read | 2      | Ça coûte 5 € — façade  |
    And topic "shop.shop.orders" holds exactly 2 records
    And topic "shop.shop.order_audit" holds exactly 2 records

  Scenario: the dump's function and trigger work on new rows
    Given I execute the SQL file "sql/shop-dump.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.orders (id, customer_id, gross, net) VALUES (10, 3, 119.00, shop.net_price(119.00));
      """
    Then topic "shop.shop.orders" receives a create event with:
      | after.id    | 10     |
      | after.gross | 119.00 |
      | after.net   | 100.00 |
    And topic "shop.shop.order_audit" receives a create event with:
      | after.id       | 3          |
      | after.order_id | 10         |
      | after.action   | created    |
      | after.note     | net 100.00 |

  Scenario: text written after the snapshot arrives unchanged, in utf8mb4 and in latin1
    Given I execute the SQL file "sql/shop-dump.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (4, '이서연 🐣', 'seoyeon@example.kr', '스키마 변경 👍; it''s "fine"');
      INSERT INTO shop.legacy_notes VALUES (3, 'Grüße à Zoë: 10 € — ½ « ok »');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id   | 4                           |
      | after.name | 이서연 🐣                   |
      | after.note | 스키마 변경 👍; it's "fine" |
    And topic "shop.shop.legacy_notes" receives a create event with:
      | after.id   | 3                            |
      | after.note | Grüße à Zoë: 10 € — ½ « ok » |

  Scenario: routines and triggers written with DELIMITER run as written
    Given I execute the SQL file "sql/shop-routines.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      CALL shop.place_order(1, 'Ann', 119.00);
      UPDATE shop.orders SET status = 'PAID' WHERE id = 1;
      """
    Then topic "shop.shop.orders" holds exactly these events in order:
      | op     | after.gross | after.net | after.status |
      | create | 119.00      | 100.00    | NEW          |
      | update | 119.00      | 100.00    | PAID         |
    And topic "shop.shop.order_audit" holds exactly these events in order:
      | op     | after.order_id | after.action | after.note          |
      | create | 1              | placed       | via place_order; ok |
      | create | 1              | status       | NEW -> PAID         |

  Scenario: a script file can use DELIMITER inline, as the mysql client allows
    Given I execute SQL:
      """
      CREATE DATABASE shop;
      CREATE TABLE shop.counters (name VARCHAR(20) PRIMARY KEY, n INT NOT NULL);
      """
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      DELIMITER $$
      CREATE PROCEDURE shop.bump(IN p_name VARCHAR(20))
      BEGIN
        INSERT INTO shop.counters VALUES (p_name, 1) ON DUPLICATE KEY UPDATE n = n + 1;
      END $$
      DELIMITER ;
      CALL shop.bump('visits'); CALL shop.bump('visits');
      """
    Then on topic "shop.shop.counters" the events with key.name = "visits" are, in order: "create, update"
    And the latest event on topic "shop.shop.counters" has exactly the after fields "name, n"
