@embedded-only
Feature: The network between Connect and the database fails
  The connector reaches the database through the harness's TCP proxy (cdc.database.proxy), so the
  link can be cut (a partition: nothing moves, connections stay open), slowed, or reset, while the
  fixture stays as it is.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And I execute the SQL file "sql/shop-load.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"

  Scenario: a cut of a few seconds during a bulk load loses nothing
    Given a background writer inserts, updates and deletes rows of table "shop.load" at 400 writes per second
    When the background writer has written 500 rows
    And I cut the network between Connect and the database for 3 seconds
    And the background writer has written 2000 rows
    And I stop the background writer
    Then topic "shop.shop.load" reconciles with table "shop.load" under at-least-once delivery

  Scenario: a cut until a later step, then the connector catches up
    When I cut the network between Connect and the database
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    And I restore the network between Connect and the database
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op     | after.id |
      | create | 1        |

  Scenario: latency slows the pipeline but loses nothing
    When I add 200 ms of latency between Connect and the database
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      UPDATE shop.customers SET name = 'Annie' WHERE id = 1;
      """
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op     | after.name |
      | create | Ann        |
      | update | Annie      |

  Scenario: a reset of the connections loses nothing once the task is restarted
    Debezium 3.4 treats a reset binlog connection as a communication failure: depending on when it
    hits, the task fails ("Connection reset", in two runs of three here) or the reader carries on.
    Either way, restarting the task resumes from the stored offset and loses nothing.
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id | 1 |
    When I reset the connections between Connect and the database
    And I execute SQL:
      """
      INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com');
      """
    And I restart the connector "shop-connector" and its tasks
    Then topic "shop.shop.customers" holds exactly these events in order:
      | op     | after.id |
      | create | 1        |
      | create | 2        |
