@golden @mysql-only
Feature: Golden events: a topic compared, whole, with a file of its events
  The harness normalises what changes from run to run (timestamps, binlog positions, GTIDs, the
  connector's replica id, transaction ids) and compares everything else: ops, keys, row values, the
  source block's names and the Debezium version. -Dcdc.golden.update=true rewrites the files.

  Scenario: inserts, an update and a delete match their golden file
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      CREATE DATABASE shop;
      CREATE TABLE shop.customer (id INT PRIMARY KEY, name VARCHAR(64), tier VARCHAR(16));
      INSERT INTO shop.customer VALUES (1, 'jack', 'gold'), (2, 'jill', 'silver');
      UPDATE shop.customer SET tier = 'platinum' WHERE id = 1;
      DELETE FROM shop.customer WHERE id = 2;
      """
    Then topic "shop.shop.customer" matches the golden events in "golden/shop-customer.json"
