package io.cdcharness.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- the seed's tables
                create database user;
                insert into t values ('a;b', "c;d", `e;f`); # trailing comment; with a semicolon
                /* block; comment */ insert into t values ('it''s; fine', 'back\\\\slash;');
                select 1
                """;
        assertThat(SqlScript.split(script)).containsExactly(
                "create database user",
                "insert into t values ('a;b', \"c;d\", `e;f`)",
                "insert into t values ('it''s; fine', 'back\\\\slash;')",
                "select 1");
    }

    @Test
    void emptyScriptsHaveNoStatements() {
        assertThat(SqlScript.split("  ;\n -- only a comment\n")).isEmpty();
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
