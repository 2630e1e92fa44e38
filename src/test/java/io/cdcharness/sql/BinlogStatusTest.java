package io.cdcharness.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinlogStatusTest {

    @Test
    void mysql84AndLaterUseShowBinaryLogStatusWhichReplacedShowMasterStatus() {
        assertThat(Database.binlogStatusStatement("8.0.31")).isEqualTo("SHOW MASTER STATUS");
        assertThat(Database.binlogStatusStatement("8.3.0")).isEqualTo("SHOW MASTER STATUS");
        assertThat(Database.binlogStatusStatement("8.4.3")).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(Database.binlogStatusStatement("9.1.0-commercial")).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(Database.binlogStatusStatement("5.7.44-log")).isEqualTo("SHOW MASTER STATUS");
    }

    @Test
    void mariaDbKeepsShowMasterStatus() {
        assertThat(Database.binlogStatusStatement("11.4.5-MariaDB-log")).isEqualTo("SHOW MASTER STATUS");
        assertThat(Database.binlogStatusStatement("10.11.5-MariaDB")).isEqualTo("SHOW MASTER STATUS");
    }
}
