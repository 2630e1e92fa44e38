package io.cdcharness.stack.embedded.worker;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs inside the embedded stack's Connect worker, not in the harness: a config provider that provides nothing,
 * which the worker loads as it starts. It then has Debezium's DDL parser parse a few statements on a daemon thread,
 * while the worker still reads its storage topics and joins its group. A new worker otherwise pays that on its
 * first connector's snapshot: about 0.2 s to build the parser's grammar (ANTLR's ATN) and load its classes.
 * <p>
 * It uses only what Connect's class path has (Kafka's clients and slf4j) and reaches Debezium through the connector
 * class, whose plugin loader also loads the parser: the connector's own parser then starts from the classes and
 * grammar caches this one built. It creates nothing outside the worker's JVM, and any failure only leaves the cost
 * to the first connector. The worker's config names it:
 *
 * <pre>{@code
 * config.providers=cdcHarnessWarmUp
 * config.providers.cdcHarnessWarmUp.class=io.cdcharness.stack.embedded.worker.DebeziumParserWarmUp
 * config.providers.cdcHarnessWarmUp.param.connector=io.debezium.connector.mysql.MySqlConnector
 * config.providers.cdcHarnessWarmUp.param.parser=io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser
 * }</pre>
 */
public final class DebeziumParserWarmUp implements ConfigProvider {
    /** What a connector's snapshot and streaming parse: the server's charset, a database and a table made, changed and dropped. */
    static final String[] STATEMENTS = {
        "SET character_set_server=utf8mb4, collation_server=utf8mb4_0900_ai_ci",
        "DROP TABLE IF EXISTS `cdc_harness_parser_warm_up`.`customers`",
        "DROP DATABASE IF EXISTS `cdc_harness_parser_warm_up`",
        "CREATE DATABASE `cdc_harness_parser_warm_up`",
        "USE `cdc_harness_parser_warm_up`",
        // no CHARSET or COLLATE: a parser made without a connector has no charset registry to resolve them with
        "CREATE TABLE `customers` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(255) NOT NULL, `email` varchar(255) DEFAULT NULL,"
            + " `balance` decimal(10,2) DEFAULT '0.00', `born` date DEFAULT NULL, `created_at` datetime(3) DEFAULT CURRENT_TIMESTAMP(3),"
            + " `updated` timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP, `flag` tinyint(1) DEFAULT '0',"
            + " `kind` enum('a','b') DEFAULT 'a', `data` json, `note` text, `raw` blob, PRIMARY KEY (`id`), UNIQUE KEY `email` (`email`),"
            + " KEY `name_idx` (`name`)) ENGINE=InnoDB AUTO_INCREMENT=1",
        "ALTER TABLE `customers` ADD COLUMN `extra` bigint unsigned NOT NULL DEFAULT 0, MODIFY `name` varchar(300) NOT NULL",
        "DROP TABLE IF EXISTS `customers`",
        "DROP DATABASE IF EXISTS `cdc_harness_parser_warm_up`",
    };
    private static final Logger LOG = LoggerFactory.getLogger(DebeziumParserWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Starts the warm-up once per worker, with the connector and parser classes named as {@code param.connector} and {@code param.parser}. */
    @Override
    public void configure(Map<String, ?> configs) {
        Object connector = configs.get("connector");
        Object parser = configs.get("parser");
        if (connector == null || parser == null || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> warmUp(connector.toString(), parser.toString()), "cdc-harness-debezium-parser-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(String connector, String parser) {
        long start = System.nanoTime();
        try {
            ClassLoader debezium = Class.forName(connector, false, DebeziumParserWarmUp.class.getClassLoader()).getClassLoader();
            Class<?> parserClass = Class.forName(parser, true, debezium);
            Class<?> tablesClass = Class.forName("io.debezium.relational.Tables", true, debezium);
            Method parse = parserClass.getMethod("parse", String.class, tablesClass);
            Object ddlParser = parserClass.getConstructor().newInstance();
            Object tables = tablesClass.getConstructor().newInstance();
            int parsed = 0;
            for (String statement : STATEMENTS) {
                try {
                    parse.invoke(ddlParser, statement, tables);
                    parsed++;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("cdc-harness: Debezium's parser refused a warm-up statement: {}", statement, e);
                }
            }
            LOG.info("cdc-harness: warmed up Debezium's DDL parser ({}, {} of {} statements) in {} ms", parser, parsed, STATEMENTS.length,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.info("cdc-harness: did not warm up Debezium's DDL parser ({}): {}; the first connector loads it instead", parser, e.toString());
        }
    }

    /** Provides nothing: no connector config refers to this provider. */
    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of());
    }

    /** Provides nothing: no connector config refers to this provider. */
    @Override
    public ConfigData get(String path, Set<String> keys) {
        return new ConfigData(Map.of());
    }

    /**
     * Leaves a warm-up that runs to its end. Connect makes and closes this provider several times: to read the worker's
     * own config, for its connector configs, and for each client config built from the worker's keys (which is why
     * {@code STARTED} is static: one warm-up per worker).
     */
    @Override
    public void close() {
    }
}
