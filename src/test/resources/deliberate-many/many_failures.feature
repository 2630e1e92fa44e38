Feature: Many deliberate failures
  Run only by EvidenceAndReportIT, with small evidence limits: the evidence of a run of many failures
  stays bounded, and what was cut is named.

  Scenario Outline: failure <n> with many records
    Given I execute the SQL file "sql/shop-schema.sql"
    And the connector "shop-connector" is registered from "connectors/shop-connector.json"
    When I execute SQL:
      """
      INSERT INTO shop.customers
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
        SELECT i, CONCAT('customer ', i), CONCAT('c', i, '@example.com') FROM n;
      """
    Then topic "shop.shop.customers" holds exactly 299 records

    Examples:
      | n |
      | 1 |
      | 2 |
      | 3 |
      | 4 |
