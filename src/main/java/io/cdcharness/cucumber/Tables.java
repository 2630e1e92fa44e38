package io.cdcharness.cucumber;

import io.cucumber.datatable.DataTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads step tables strictly, with errors that show the expected shape. */
final class Tables {
    private Tables() {
    }

    /** A two-column table of {@code | field | value |} rows. */
    static Map<String, String> fieldValues(DataTable table, String example) {
        Map<String, String> values = new LinkedHashMap<>();
        for (List<String> row : table.cells()) {
            if (row.size() != 2) {
                throw new IllegalArgumentException("This step takes a table of two columns, | field | value |, but a row has "
                        + row.size() + ": " + row + ". For example:\n" + example);
            }
            String field = row.get(0) == null ? "" : row.get(0).trim();
            if (field.isEmpty()) {
                throw new IllegalArgumentException("A row of the table has an empty field name: " + row + ". For example:\n" + example);
            }
            if (values.put(field, row.get(1) == null ? "null" : row.get(1)) != null) {
                throw new IllegalArgumentException("The table names the field \"" + field + "\" twice. For example:\n" + example);
            }
        }
        return values;
    }

    /** A one-column table of names. */
    static List<String> names(DataTable table, String example) {
        List<String> names = new ArrayList<>();
        for (List<String> row : table.cells()) {
            if (row.size() != 1) {
                throw new IllegalArgumentException("This step takes a table of one column, | name |, but a row has "
                        + row.size() + ": " + row + ". For example:\n" + example);
            }
            names.add(row.get(0).trim());
        }
        return names;
    }
}
