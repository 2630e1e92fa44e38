Feature: Secrets in failures
  Run only by SecretsIT: failures whose connector configs carry secrets, given in override tables as
  references (${sys:...}), so that the test can search everything the failures leave for the secrets.

  Background:
    Given I execute the SQL file "sql/shop-schema.sql"

  Scenario: a check fails on a connector registered with secrets from the overrides
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | database.user                                     | cdc_secret_user                                                                                           |
      | database.password                                 | ${sys:secrets-it.db-password}                                                                             |
      | schema.history.internal.consumer.sasl.jaas.config | org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${sys:secrets-it.jaas}"; |
      | value.converter.basic.auth.user.info              | user:${sys:secrets-it.basic}                                                                              |
      | custom.api.token                                  | ${sys:secrets-it.token}                                                                                   |
      | custom.client.secret                              | ${sys:secrets-it.client-secret}                                                                           |
    When I execute SQL:
      """
      INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com');
      """
    Then topic "shop.shop.customers" receives a create event with after:
      | name | Jill |

  Scenario: Connect refuses a config with a secret from the overrides
    Then registering the connector "shop-connector" from "connectors/shop-connector.json" with the following fails with a message containing "a text Connect never says":
      | snapshot.mode     | sometimes                           |
      | database.password | ${sys:secrets-it.refused-password}  |

  Scenario: a wrong password from the overrides fails the task
    Given the connector "shop-connector" is registered from "connectors/shop-connector.json" with:
      | database.user     | cdc_secret_user                   |
      | database.password | ${sys:secrets-it.wrong-password}  |
