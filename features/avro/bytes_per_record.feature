@avro
Feature: How large do topics get without a schema registry?
  The article closes by asking it ("without a schema registry the topic data is too large"). The same
  rows, captured three ways side by side: JSON with schemas (the article's JsonConverter), JSON without
  schemas, and Avro with a schema registry. Bytes per record are printed and their ratios asserted.

  Scenario: the same 200 rows as JSON with schemas, JSON without, and Avro
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    And the connector "shop-schemaless" is registered from "connectors/shop-connector-schemaless.json"
    And the connector "shop-avro" is registered from "connectors/shop-connector-avro.json"
    When I execute SQL:
      """
      CREATE DATABASE shop;
      CREATE TABLE shop.customer (id INT PRIMARY KEY, name VARCHAR(64), tier VARCHAR(16), since DATE, balance DECIMAL(10,2), note VARCHAR(255));
      INSERT INTO shop.customer
        WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
        SELECT i, CONCAT('customer-', i), IF(i % 3 = 0, 'gold', 'silver'), DATE_ADD('2024-01-01', INTERVAL i DAY), i * 1.25, CONCAT('note ', i) FROM n;
      """
    Then topic "shop.shop.customer" holds exactly 200 records
    And topic "lean.shop.customer" holds exactly 200 records
    And topic "avro.shop.customer" holds exactly 200 records
    And the bytes per record of topics "shop.shop.customer, lean.shop.customer and avro.shop.customer" are printed
    And records on topic "shop.shop.customer" are on average at least 2.5 times as large as on topic "lean.shop.customer"
    And records on topic "lean.shop.customer" are on average at least 1.3 times as large as on topic "avro.shop.customer"
    And records on topic "shop.shop.customer" are on average at least 4 times as large as on topic "avro.shop.customer"
