package io.cdcharness.cucumber;

import io.cucumber.datatable.DataTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TablesTest {

    @Test
    void aFieldTableNeedsTwoColumns() {
        DataTable table = DataTable.create(List.of(List.of("uid", "1", "extra")));
        assertThatThrownBy(() -> Tables.fieldValues(table, "  | uid | 1 |"))
                .hasMessage("This step takes a table of two columns, | field | value |, but a row has 3: [uid, 1, extra]. "
                        + "For example:\n  | uid | 1 |");
    }

    @Test
    void aFieldNamedTwiceIsRejected() {
        DataTable table = DataTable.create(List.of(List.of("uid", "1"), List.of("uid", "2")));
        assertThatThrownBy(() -> Tables.fieldValues(table, "ex"))
                .hasMessage("The table names the field \"uid\" twice. For example:\nex");
    }

    @Test
    void anEmptyCellMeansNull() {
        DataTable table = DataTable.create(java.util.Arrays.asList(java.util.Arrays.asList("name", null)));
        assertThat(Tables.fieldValues(table, "ex")).containsEntry("name", "null");
    }
}
