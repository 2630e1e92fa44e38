Feature: Converters and the size of events
  The seed article ends on a question: without a schema registry, the topic data gets very large.
  The JsonConverter with schemas enabled repeats the whole schema in every record; with schemas
  disabled only the values remain. Both connectors below capture the same table.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    And the connector "shop-schemaless" is registered from "connectors/shop-connector-schemaless.json"
    When I execute SQL:
      """
      INSERT INTO shop.orders VALUES (1, 1, 10.00, 'new'), (2, 1, 20.00, 'new'), (3, 2, 30.00, 'new'), (4, 3, 40.00, 'new'),
        (5, 3, 50.00, 'new'), (6, 4, 60.00, 'new'), (7, 5, 70.00, 'new'), (8, 6, 80.00, 'new'), (9, 7, 90.00, 'new'), (10, 8, 99.99, 'new');
      """

  Scenario: JSON with schemas is several times the size of JSON without
    Then topic "shop.shop.orders" holds exactly 10 records
    And topic "lean.shop.orders" holds exactly 10 records
    And records on topic "shop.shop.orders" are on average at least 3.0 times as large as on topic "lean.shop.orders"

  Scenario: without schemas the envelope is plain JSON and DECIMAL stays encoded
    Then topic "lean.shop.orders" receives a create event with:
      | after.id     | 10       |
      | after.status | new      |
      | after.total  | Jw8=     |
    And topic "shop.shop.orders" receives a create event with:
      | after.id     | 10    |
      | after.total  | 99.99 |
