Feature: Filtering what is captured
  Include and exclude lists choose databases, tables and columns. A topic that must not exist is
  checked once the connector has caught up with the binlog (the settling rule), not after a sleep.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And I execute SQL:
      """
      CREATE DATABASE warehouse;
      CREATE TABLE warehouse.stock (sku VARCHAR(20) PRIMARY KEY, quantity INT);
      """

  Scenario: only databases on the include list are captured
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | database.include.list | shop |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      INSERT INTO warehouse.stock VALUES ('A-1', 5);
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id | 1 |
    And topic "shop.warehouse.stock" does not exist

  Scenario: the DDL of databases that are not captured stays out of the schema change topic only when asked
    By default the snapshot writes the DDL of every database to the schema change topic, captured or
    not; schema.history.internal.store.only.captured.databases.ddl=true keeps only the captured ones'.
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | database.include.list                                    | shop |
      | schema.history.internal.store.only.captured.databases.ddl | true |
    When I execute SQL:
      """
      ALTER TABLE warehouse.stock ADD COLUMN bin VARCHAR(10);
      ALTER TABLE shop.customers ADD COLUMN phone VARCHAR(20);
      """
    Then the schema change topic "shop" carries DDL "ALTER TABLE shop.customers ADD COLUMN phone"
    And the schema change topic "shop" has no DDL for database "warehouse"

  Scenario: databases on the exclude list are not captured
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | database.include.list | (unset)   |
      | database.exclude.list | shop      |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      INSERT INTO warehouse.stock VALUES ('A-1', 5);
      """
    Then topic "shop.warehouse.stock" receives a create event with:
      | after.sku      | A-1 |
      | after.quantity | 5   |
    And topic "shop.shop.customers" does not exist

  Scenario: only tables on the include list are captured
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | table.include.list | shop.orders |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      """
    Then topic "shop.shop.orders" receives a create event with:
      | after.id | 10 |
    And topic "shop.shop.customers" does not exist

  Scenario: tables on the exclude list are not captured
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | table.exclude.list | shop.orders |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.id | 1 |
    And topic "shop.shop.orders" does not exist

  Scenario: excluded columns are left out of the events
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | column.exclude.list | shop.customers.email |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with:
      | after.name  | Ann      |
      | after.email | (absent) |

  Scenario: the ExtractNewRecordState SMT unwraps the envelope into the plain row
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | transforms                      | unwrap                                       |
      | transforms.unwrap.type          | io.debezium.transforms.ExtractNewRecordState |
      | transforms.unwrap.add.fields    | op,table                                     |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a record with:
      | id      | 1         |
      | name    | Ann       |
      | __op    | c         |
      | __table | customers |
      | after   | (absent)  |

  Scenario: the RegexRouter SMT routes events to other topics
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | transforms                   | route                                          |
      | transforms.route.type        | org.apache.kafka.connect.transforms.RegexRouter |
      | transforms.route.regex       | shop\\.shop\\.(.*)                             |
      | transforms.route.replacement | cdc.$1                                         |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "cdc.customers" receives a create event with:
      | after.name | Ann |
    And topic "shop.shop.customers" does not exist
