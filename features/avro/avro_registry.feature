@avro
Feature: Avro with a schema registry
  A connector with Apicurio's Avro converter (fixtures/connectors/shop-connector-avro.json) makes the
  harness start a schema registry (Apicurio Registry, on a Java 21+ runtime) and point the converter's
  registry URL at it. The harness decodes Avro records (Confluent wire format) through the registry, so
  every check reads an Avro topic as it reads a JSON one.

  Background:
    Given the connector "shop-avro" is registered from "connectors/shop-connector-avro.json"
    When I execute SQL:
      """
      CREATE DATABASE shop;
      CREATE TABLE shop.customer (id INT PRIMARY KEY, name VARCHAR(64), tier VARCHAR(16), since DATE, balance DECIMAL(10,2));
      INSERT INTO shop.customer VALUES (1, 'jack', 'gold', '2024-01-31', 12.34);
      """

  Scenario: an Avro topic is checked like a JSON one, logical types included
    When I execute SQL:
      """
      UPDATE shop.customer SET tier = 'platinum' WHERE id = 1;
      """
    Then topic "avro.shop.customer" receives a create event with after:
      | id      | 1          |
      | name    | jack       |
      | since   | 2024-01-31 |
      | balance | 12.34      |
    And topic "avro.shop.customer" receives an update event with:
      | before.tier | gold     |
      | after.tier  | platinum |
    And topic "avro.shop.customer" holds exactly 2 records
    And the schema registry has subject "avro.shop.customer-value" with 1 version
    And the schema registry has subject "avro.shop.customer-key" with 1 version

  Scenario: an ADD COLUMN registers version 2 of the value schema, BACKWARD compatible
    When I execute SQL:
      """
      ALTER TABLE shop.customer ADD COLUMN email VARCHAR(64) NULL;
      INSERT INTO shop.customer VALUES (2, 'jill', 'silver', '2025-06-01', 1.50, 'jill@example.com');
      """
    Then topic "avro.shop.customer" receives a create event with after:
      | id    | 2                |
      | email | jill@example.com |
    And the schema registry has subject "avro.shop.customer-value" with 2 versions
    And version 2 of subject "avro.shop.customer-value" adds the field "email"
    And version 2 of subject "avro.shop.customer-value" is BACKWARD compatible with version 1
    And version 2 of subject "avro.shop.customer-value" is FULL compatible with version 1
    And the schema registry has subject "avro.shop.customer-key" with 1 version
