@seed
Feature: The seed article's pipeline, as an executable specification
  The article starts MySQL with a ROW binlog, a Kafka broker and a Kafka Connect worker with the
  Debezium MySQL connector, registers "my-source-connector" with curl, types DDL and DML into a
  mysql shell and reads the topics with a console consumer. The same steps, checked.

  The connector JSON is the article's, unchanged (hosts originDB and kafka:9092, Debezium 1.x keys):
  the harness points it at the running stack and translates the keys for Debezium 3.x.

  @mysql-only
  Scenario: Connect offers the Debezium MySQL connector
    Then Connect offers the connector plugin "io.debezium.connector.mysql.MySqlConnector"

  @mariadb-only
  Scenario: Connect offers the Debezium MariaDB connector (only the plugin the flavour needs is loaded)
    Then Connect offers the connector plugin "io.debezium.connector.mariadb.MariaDbConnector"

  Scenario: the registered connector and its task are RUNNING
    Given the connector "my-source-connector" is registered from "connectors/my-source-connector.json"
    Then the connector "my-source-connector" and its tasks are RUNNING

  Scenario: the article's DDL and DML become topics, events and schema history
    Given the connector "my-source-connector" is registered from "connectors/my-source-connector.json"
    When I execute SQL:
      """
      create database user;
      use user;
      create table user_account (
         uid int,
         name varchar(255)
      );
      create table user_role (
        account_id int,
        role varchar(255)
      );
      insert into user_account(uid, name) values(1, 'jack');
      insert into user_role(account_id, role) values(1, 'normal');
      """
    Then these topics exist:
      | originDB                    |
      | originDB.user.user_account  |
      | originDB.user.user_role     |
      | my-source-connector-history |
      | my-source-connector-config  |
      | my-source-connector-offset  |
      | my-source-connector-status  |
    And the schema change topic "originDB" carries DDL "create database user"
    And the schema change topic "originDB" carries DDL "create table user_account"
    And the schema change topic "originDB" carries DDL "create table user_role"
    And topic "originDB.user.user_account" receives a create event with after:
      | uid  | 1    |
      | name | jack |
    And topic "originDB.user.user_role" receives a create event with after:
      | account_id | 1      |
      | role       | normal |
    And the schema history of connector "my-source-connector" records DDL "create database user"
    And the schema history of connector "my-source-connector" records DDL "create table user_account"
    And the schema history of connector "my-source-connector" records DDL "create table user_role"

  Scenario: the connector's stored binlog position advances with the inserts
    Given the connector "my-source-connector" is registered from "connectors/my-source-connector.json"
    When I execute SQL:
      """
      CREATE DATABASE user;
      CREATE TABLE user.user_account (uid int, name varchar(255));
      """
    Then the connector "my-source-connector" has stored a binlog position covering the last SQL
    When I execute on database "user":
      """
      INSERT INTO user_account(uid, name) VALUES (1, 'jack');
      INSERT INTO user_account(uid, name) VALUES (2, 'jill');
      """
    Then the stored binlog position of connector "my-source-connector" advances past the last SQL
