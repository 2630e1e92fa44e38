package io.cdcharness.sql;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in the server's binary log: file name and byte offset. Positions compare by the
 * file's sequence number, then by offset, so {@code mysql-bin.000010:4} is after {@code mysql-bin.000009:9000}.
 */
public record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {
    private static final Comparator<BinlogPosition> ORDER = Comparator
            .comparingLong((BinlogPosition p) -> sequence(p.file))
            .thenComparing(BinlogPosition::file)
            .thenComparingLong(BinlogPosition::position);

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public int compareTo(BinlogPosition other) {
        return ORDER.compare(this, other);
    }

    public boolean isAtOrAfter(BinlogPosition other) {
        return compareTo(other) >= 0;
    }

    private static long sequence(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
