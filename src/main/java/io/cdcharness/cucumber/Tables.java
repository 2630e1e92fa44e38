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

    /** A table whose first row names the columns (paths such as op, after.name, key.id); one map per further row. */
    static List<Map<String, String>> rows(DataTable table, String example) {
        List<List<String>> cells = table.cells();
        if (cells.size() < 2) {
            throw new IllegalArgumentException("This step takes a table with a header row of paths and one row per event, but it has "
                    + cells.size() + " row(s). For example:\n" + example);
        }
        List<String> header = cells.get(0);
        for (String column : header) {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("The header row " + header + " has an empty column name. For example:\n" + example);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> row : cells.subList(1, cells.size())) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i).trim(), row.get(i) == null ? "null" : row.get(i));
            }
            rows.add(values);
        }
        return rows;
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
