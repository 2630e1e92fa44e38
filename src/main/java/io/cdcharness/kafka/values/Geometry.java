package io.cdcharness.kafka.values;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A two-dimensional OGC geometry as MySQL and MariaDB store it: read from Well-Known Binary (what Debezium's
 * {@code io.debezium.data.geometry.Geometry} struct carries in {@code wkb}) or from Well-Known Text (what a user
 * writes, {@code POINT(1 2)}). Two geometries are equal when they have the same type and the same coordinates in
 * the same order (no topological equality: a ring that starts at another vertex is another geometry).
 *
 * @param type   {@code POINT}, {@code LINESTRING}, {@code POLYGON}, {@code MULTIPOINT}, {@code MULTILINESTRING},
 *               {@code MULTIPOLYGON} or {@code GEOMETRYCOLLECTION}
 * @param points the coordinates of a point (one pair, none when empty) or a line string
 * @param parts  the rings of a polygon, or the members of a multi geometry or collection
 */
public record Geometry(String type, List<double[]> points, List<Geometry> parts) {
    private static final String[] TYPES = {null, "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION"};

    /** Reads Well-Known Binary (either byte order; ISO/EWKB Z and M flags are refused: MySQL stores 2D only). */
    public static Geometry fromWkb(byte[] wkb) {
        ByteBuffer buffer = ByteBuffer.wrap(wkb);
        Geometry geometry = readWkb(buffer);
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException("WKB has " + buffer.remaining() + " bytes after the geometry");
        }
        return geometry;
    }

    private static Geometry readWkb(ByteBuffer buffer) {
        byte order = buffer.get();
        if (order != 0 && order != 1) {
            throw new IllegalArgumentException("WKB byte order must be 0 or 1, not " + order);
        }
        buffer.order(order == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long code = Integer.toUnsignedLong(buffer.getInt());
        if (code < 1 || code > 7) {
            throw new IllegalArgumentException("WKB geometry type " + code + " is not a 2D OGC type (1 to 7)");
        }
        String type = TYPES[(int) code];
        switch (type) {
            case "POINT": {
                double x = buffer.getDouble();
                double y = buffer.getDouble();
                boolean empty = Double.isNaN(x) && Double.isNaN(y);
                return new Geometry(type, empty ? List.of() : List.of(new double[] {x, y}), List.of());
            }
            case "LINESTRING":
                return new Geometry(type, readPoints(buffer), List.of());
            case "POLYGON": {
                int rings = count(buffer);
                List<Geometry> parts = new ArrayList<>();
                for (int i = 0; i < rings; i++) {
                    parts.add(new Geometry("LINESTRING", readPoints(buffer), List.of()));
                }
                return new Geometry(type, List.of(), parts);
            }
            default: {
                int members = count(buffer);
                List<Geometry> parts = new ArrayList<>();
                for (int i = 0; i < members; i++) {
                    parts.add(readWkb(buffer));
                }
                return new Geometry(type, List.of(), parts);
            }
        }
    }

    private static int count(ByteBuffer buffer) {
        int count = buffer.getInt();
        if (count < 0 || count > buffer.remaining()) {
            throw new IllegalArgumentException("WKB count " + Integer.toUnsignedString(count) + " is larger than the data");
        }
        return count;
    }

    private static List<double[]> readPoints(ByteBuffer buffer) {
        int count = count(buffer);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new double[] {buffer.getDouble(), buffer.getDouble()});
        }
        return points;
    }

    /** Parses Well-Known Text such as {@code POINT(1 2)}, {@code POLYGON((0 0, 1 1, 1 0, 0 0))}, {@code GEOMETRYCOLLECTION EMPTY}. */
    public static Geometry fromWkt(String wkt) {
        WktReader reader = new WktReader(wkt);
        Geometry geometry = reader.geometry();
        reader.end();
        return geometry;
    }

    /** The geometry as Well-Known Text, coordinates written without trailing zeros: {@code POINT(1 2.5)}. */
    public String toWkt() {
        StringBuilder text = new StringBuilder(type);
        if (points.isEmpty() && parts.isEmpty()) {
            return text.append(" EMPTY").toString();
        }
        body(text);
        return text.toString();
    }

    private void body(StringBuilder text) {
        switch (type) {
            case "POINT", "LINESTRING" -> coordinates(text, points);
            case "POLYGON", "MULTILINESTRING", "MULTIPOLYGON" -> {
                text.append('(');
                for (int i = 0; i < parts.size(); i++) {
                    text.append(i == 0 ? "" : ", ");
                    parts.get(i).body(text);
                }
                text.append(')');
            }
            case "MULTIPOINT" -> {
                text.append('(');
                for (int i = 0; i < parts.size(); i++) {
                    text.append(i == 0 ? "" : ", ");
                    parts.get(i).body(text);
                }
                text.append(')');
            }
            default -> {
                text.append('(');
                for (int i = 0; i < parts.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(parts.get(i).toWkt());
                }
                text.append(')');
            }
        }
    }

    private static void coordinates(StringBuilder text, List<double[]> points) {
        text.append('(');
        for (int i = 0; i < points.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(number(points.get(i)[0])).append(' ').append(number(points.get(i)[1]));
        }
        text.append(')');
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Geometry that) || !type.equals(that.type) || points.size() != that.points.size()
                || !parts.equals(that.parts)) {
            return false;
        }
        for (int i = 0; i < points.size(); i++) {
            if (!Arrays.equals(points.get(i), that.points.get(i)) && !sameNumbers(points.get(i), that.points.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumbers(double[] a, double[] b) {
        return a[0] == b[0] && a[1] == b[1]; // 0.0 and -0.0 are the same coordinate
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + points.size() * 17 + parts.hashCode();
    }

    @Override
    public String toString() {
        return toWkt();
    }

    /** A small recursive-descent reader of 2D WKT. */
    private static final class WktReader {
        private final String text;
        private int at;

        WktReader(String text) {
            this.text = text;
        }

        Geometry geometry() {
            String type = word().toUpperCase(Locale.ROOT);
            if (type.equals("GEOMCOLLECTION")) {
                type = "GEOMETRYCOLLECTION"; // MySQL's short name
            }
            if (Arrays.asList(TYPES).indexOf(type) < 1) {
                throw error("a geometry type (POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION)");
            }
            if (peekWord().equalsIgnoreCase("EMPTY")) {
                word();
                return new Geometry(type, List.of(), List.of());
            }
            switch (type) {
                case "POINT": {
                    expect('(');
                    double[] point = point();
                    expect(')');
                    return new Geometry(type, List.of(point), List.of());
                }
                case "LINESTRING":
                    return new Geometry(type, pointList(), List.of());
                case "POLYGON":
                    return new Geometry(type, List.of(), rings());
                case "MULTIPOINT": {
                    expect('(');
                    List<Geometry> parts = new ArrayList<>();
                    do {
                        boolean wrapped = peek() == '(';
                        if (wrapped) {
                            expect('(');
                        }
                        parts.add(new Geometry("POINT", List.of(point()), List.of()));
                        if (wrapped) {
                            expect(')');
                        }
                    } while (comma());
                    expect(')');
                    return new Geometry(type, List.of(), parts);
                }
                case "MULTILINESTRING": {
                    expect('(');
                    List<Geometry> parts = new ArrayList<>();
                    do {
                        parts.add(new Geometry("LINESTRING", pointList(), List.of()));
                    } while (comma());
                    expect(')');
                    return new Geometry(type, List.of(), parts);
                }
                case "MULTIPOLYGON": {
                    expect('(');
                    List<Geometry> parts = new ArrayList<>();
                    do {
                        parts.add(new Geometry("POLYGON", List.of(), rings()));
                    } while (comma());
                    expect(')');
                    return new Geometry(type, List.of(), parts);
                }
                default: {
                    expect('(');
                    List<Geometry> parts = new ArrayList<>();
                    do {
                        parts.add(geometry());
                    } while (comma());
                    expect(')');
                    return new Geometry(type, List.of(), parts);
                }
            }
        }

        private List<Geometry> rings() {
            expect('(');
            List<Geometry> rings = new ArrayList<>();
            do {
                rings.add(new Geometry("LINESTRING", pointList(), List.of()));
            } while (comma());
            expect(')');
            return rings;
        }

        private List<double[]> pointList() {
            expect('(');
            List<double[]> points = new ArrayList<>();
            do {
                points.add(point());
            } while (comma());
            expect(')');
            return points;
        }

        private double[] point() {
            return new double[] {number(), number()};
        }

        private double number() {
            skipSpace();
            int start = at;
            while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return Double.parseDouble(text.substring(start, at));
            } catch (NumberFormatException e) {
                at = start;
                throw error("a number");
            }
        }

        private boolean comma() {
            if (peek() == ',') {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private char peek() {
            skipSpace();
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private String peekWord() {
            int saved = at;
            String word = word();
            at = saved;
            return word;
        }

        private String word() {
            skipSpace();
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        void end() {
            if (peek() != '\0') {
                throw error("the end of the text");
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("WKT \"" + text + "\": expected " + expected + " at position " + at);
        }
    }
}
