package io.cdcharness.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScriptTest {

    private static List<String> texts(String script) {
        return SqlScript.parse(script).statements().stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- the seed's tables
                create database user;
                insert into t values ('a;b', "c;d", `e;f`); # trailing comment; with a semicolon
                /* block; comment */ insert into t values ('it''s; fine', 'back\\\\slash;');
                select 1
                """;
        assertThat(texts(script)).containsExactly(
                "create database user",
                "insert into t values ('a;b', \"c;d\", `e;f`)",
                "insert into t values ('it''s; fine', 'back\\\\slash;')",
                "select 1");
    }

    @Test
    void emptyScriptsHaveNoStatements() {
        assertThat(texts("  ;\n -- only a comment\n/* and a block */ ;;\n#\n--")).isEmpty();
        assertThat(texts("")).isEmpty();
    }

    @Test
    void everyStatementKnowsTheLineItStartsOn() {
        String script = """
                -- header
                CREATE DATABASE shop;

                CREATE TABLE shop.t (
                  id INT PRIMARY KEY,
                  note TEXT
                ); INSERT INTO shop.t VALUES (1, 'two
                lines');
                /* a comment
                   over lines */ INSERT INTO shop.t VALUES (2, 'x');
                INSERT INTO shop.t
                VALUES (3, 'y')""";
        assertThat(SqlScript.parse(script).statements()).extracting(SqlStatement::line).containsExactly(2, 4, 7, 10, 11);
        assertThat(SqlScript.parse(script).statements().get(1).text())
                .isEqualTo("CREATE TABLE shop.t (\n  id INT PRIMARY KEY,\n  note TEXT\n)");
    }

    @Test
    void delimiterLetsRoutineBodiesHoldSemicolons() {
        String script = """
                CREATE TABLE shop.audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(50));
                DELIMITER //
                CREATE FUNCTION shop.net(gross DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC
                BEGIN
                  DECLARE rate DECIMAL(4,2) DEFAULT 1.20;
                  RETURN gross / rate;
                END //
                CREATE TRIGGER shop.t_ai AFTER INSERT ON shop.t FOR EACH ROW
                BEGIN
                  INSERT INTO shop.audit (what) VALUES ('insert;//');
                END//
                DELIMITER ;
                INSERT INTO shop.t VALUES (1);
                """;
        List<SqlStatement> statements = SqlScript.parse(script).statements();
        assertThat(statements).extracting(SqlStatement::text).containsExactly(
                "CREATE TABLE shop.audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(50))",
                "CREATE FUNCTION shop.net(gross DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC\nBEGIN\n"
                        + "  DECLARE rate DECIMAL(4,2) DEFAULT 1.20;\n  RETURN gross / rate;\nEND",
                "CREATE TRIGGER shop.t_ai AFTER INSERT ON shop.t FOR EACH ROW\nBEGIN\n"
                        + "  INSERT INTO shop.audit (what) VALUES ('insert;//');\nEND",
                "INSERT INTO shop.t VALUES (1)");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 8, 13);
    }

    @Test
    void anyDelimiterStringWorksAndTheCommandIsCaseInsensitive() {
        assertThat(texts("delimiter $$\nSELECT 1; SELECT 2$$\nDelimiter ;;\nSELECT 3;;SELECT 4 ;;\nDELIMITER ;\nSELECT 5;"))
                .containsExactly("SELECT 1; SELECT 2", "SELECT 3", "SELECT 4", "SELECT 5");
        assertThat(texts("DELIMITER GO\nSELECT 1 GO\nDELIMITER \"$$\" the rest of the line is ignored\nSELECT 2$$"))
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void delimiterWorksAfterAStatementOnTheSameLineAndEndsAStatementLeftOpen() {
        assertThat(texts("SELECT 1; DELIMITER //\nSELECT 2; SELECT 3 //")).containsExactly("SELECT 1", "SELECT 2; SELECT 3");
        // As in the mysql client, a DELIMITER line ends a statement that lacks its delimiter.
        assertThat(texts("SELECT 1\nDELIMITER //\nSELECT 2 //")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void delimiterInsideQuotesCommentsOrAStatementIsNoCommand() {
        assertThat(texts("INSERT INTO t VALUES ('\nDELIMITER //\n');\nSELECT delimiter FROM t;\n-- DELIMITER //\nSELECT 1;"))
                .containsExactly("INSERT INTO t VALUES ('\nDELIMITER //\n')", "SELECT delimiter FROM t", "SELECT 1");
        assertThat(texts("SELECT delimiter_id FROM t;")).containsExactly("SELECT delimiter_id FROM t");
    }

    @Test
    void mysqldumpRoutinesAndTriggersWithDoubleSemicolonsRunAsWritten() {
        String dump = """
                /*!50003 SET @saved_cs_client      = @@character_set_client */ ;
                /*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES' */ ;
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `customers_ai` AFTER INSERT ON `customers` FOR EACH ROW BEGIN
                  INSERT INTO audit (what) VALUES (CONCAT('new customer ', NEW.id));
                END */;;
                DELIMITER ;
                /*!50003 SET sql_mode              = @saved_sql_mode */ ;
                """;
        List<SqlStatement> statements = SqlScript.parse(dump).statements();
        assertThat(statements).extracting(SqlStatement::text).containsExactly(
                "/*!50003 SET @saved_cs_client      = @@character_set_client */",
                "/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES' */",
                "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `customers_ai` AFTER INSERT ON `customers` FOR EACH ROW BEGIN\n"
                        + "  INSERT INTO audit (what) VALUES (CONCAT('new customer ', NEW.id));\nEND */",
                "/*!50003 SET sql_mode              = @saved_sql_mode */");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 4, 8);
    }

    @Test
    void executableCommentsAndHintsStayPlainCommentsGo() {
        assertThat(texts("""
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                /*!40000 ALTER TABLE `customers` DISABLE KEYS */;
                /*M!999999\\- enable the sandbox mode */
                SELECT /*+ MAX_EXECUTION_TIME(1000) SET_VAR(sql_mode='') */ /* plain; gone */ id FROM t;
                INSERT/* plain */INTO t VALUES (1);
                """)).containsExactly(
                "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
                "/*!40000 ALTER TABLE `customers` DISABLE KEYS */",
                "/*M!999999\\- enable the sandbox mode */\nSELECT /*+ MAX_EXECUTION_TIME(1000) SET_VAR(sql_mode='') */   id FROM t",
                "INSERT INTO t VALUES (1)");
    }

    @Test
    void escapedQuotesAndBackslashesInMultiRowInsertsStayInOneStatement() {
        String insert = "INSERT INTO `customers` VALUES (1,'O\\'Brien; Ltd','C:\\\\temp\\\\'),(2,'say \\\"hi\\\"','a''b');";
        assertThat(texts("LOCK TABLES `customers` WRITE;\n" + insert + "\nUNLOCK TABLES;")).containsExactly(
                "LOCK TABLES `customers` WRITE", insert.substring(0, insert.length() - 1), "UNLOCK TABLES");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreNoSql() {
        List<SqlStatement> statements = SqlScript.parse("\uFEFFSELECT 1;\r\nDELIMITER //\r\nSELECT 2 //\r\nSELECT\r\n 3//\r\n").statements();
        assertThat(statements).extracting(SqlStatement::text).containsExactly("SELECT 1", "SELECT 2", "SELECT\r\n 3");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 4);
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItStarts() {
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nINSERT INTO t VALUES ('it's');\nSELECT 2;", "fixtures/sql/x.sql"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 2 of fixtures/sql/x.sql: the string that starts here with ' is never closed, so the rest "
                        + "of the script would be part of it. Check the quotes on this line and above it: inside a string "
                        + "write the quote twice ('') or escape it (\\'), as in 'O''Brien'.");
        assertThatThrownBy(() -> SqlScript.parse("SELECT `a;\n"))
                .hasMessageStartingWith("Line 1: the identifier that starts here with ` is never closed");
    }

    @Test
    void anUnclosedCommentNamesTheLineWhereItStarts() {
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\n\n/* forgot to close\nSELECT 2;", "a.sql"))
                .hasMessage("Line 3 of a.sql: the comment /* that starts here is never closed with */, "
                        + "so the rest of the script would be ignored. Close the comment.");
    }

    @Test
    void delimiterNeedsADelimiter() {
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nDELIMITER\nSELECT 2;"))
                .hasMessageStartingWith("Line 2: DELIMITER is not followed by a delimiter. Write the new delimiter after it, e.g. DELIMITER //");
        assertThatThrownBy(() -> SqlScript.parse("DELIMITER \\\\"))
                .hasMessageContaining("contains a backslash");
    }

    @Test
    void describesLinesWithTheSourceItKnows() {
        assertThat(SqlScript.parse("SELECT 1", "fixtures/sql/a.sql").describeLine(27)).isEqualTo("line 27 of fixtures/sql/a.sql");
        assertThat(SqlScript.parse("SELECT 1").describeLine(3)).isEqualTo("line 3");
        assertThat(SqlScript.parse("SELECT 1").source()).isEmpty();
    }

    @Test
    void splittingIsLinearInTheScriptsLength() {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            script.append("INSERT INTO shop.big VALUES (").append(i).append(", 'row ").append(i).append(" it''s; fine');\n");
        }
        SqlScript.parse(script.toString()); // warm up
        long start = System.nanoTime();
        List<SqlStatement> statements = SqlScript.parse(script.toString()).statements();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(statements).hasSize(100_000);
        assertThat(statements.get(99_999).line()).isEqualTo(100_000);
        // Linear splitting takes tens of milliseconds here; quadratic string building would take minutes.
        assertThat(millis).as("milliseconds to split 100,000 statements").isLessThan(5_000);
    }

    @Test
    void binlogPositionsOrderByFileSequenceThenOffset() {
        BinlogPosition early = new BinlogPosition("mysql-bin.000009", 9000);
        BinlogPosition later = new BinlogPosition("mysql-bin.000010", 4);
        assertThat(later).isGreaterThan(early);
        assertThat(later.isAtOrAfter(new BinlogPosition("mysql-bin.000010", 4))).isTrue();
        assertThat(early.isAtOrAfter(later)).isFalse();
        assertThat(later).hasToString("mysql-bin.000010:4");
    }
}
