Feature: Column types arrive as a user would write them
  The JsonConverter encodes some types in ways no one writes by hand: DECIMAL as base64 bytes,
  DATE as days since 1970, DATETIME as epoch milliseconds, BIT as little-endian bytes. The harness
  decodes them with the event's schema, so expected values are written as in SQL.

  Background:
    Given I execute SQL:
      """
      CREATE DATABASE shop;
      CREATE TABLE shop.all_types (
        id          INT PRIMARY KEY,
        price       DECIMAL(10, 2),
        big_count   BIGINT UNSIGNED,
        small_count TINYINT UNSIGNED,
        born        DATE,
        updated     DATETIME,
        stamped     TIMESTAMP NULL,
        alarm       TIME,
        doc         JSON,
        size        ENUM('S', 'M', 'L'),
        tags        SET('new', 'sale', 'gift'),
        flags       BIT(4),
        picture     BLOB,
        note        VARCHAR(20)
      );
      """
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"

  Scenario: every type, written as in SQL
    When I execute SQL:
      """
      INSERT INTO shop.all_types VALUES (1, 1234.50, 18446744073709551, 255, '1990-05-17',
        '2024-01-31 10:15:30', '2024-01-31 10:15:30', '07:30:00', '{"colour": "red", "sizes": [1, 2]}',
        'M', 'new,gift', b'1010', x'CAFE', NULL);
      """
    Then topic "shop.shop.all_types" receives a create event with:
      | after.price       | 1234.50                           |
      | after.big_count   | 18446744073709551                 |
      | after.small_count | 255                               |
      | after.born        | 1990-05-17                        |
      | after.updated     | 2024-01-31T10:15:30               |
      | after.stamped     | 2024-01-31T10:15:30Z              |
      | after.alarm       | 07:30:00                          |
      | after.doc         | {"colour": "red", "sizes": [1, 2]} |
      | after.size        | M                                 |
      | after.tags        | new,gift                          |
      | after.flags       | 1010                              |
      | after.picture     | 0xCAFE                            |
      | after.note        | null                              |
