package io.cdcharness.kafka.values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spatial value ({@code io.debezium.data.geometry.Geometry} or {@code Point}: WKB in {@code wkb}, the SRID in
 * {@code srid}, null for 0), compared by geometry with what a user writes: WKT ({@code POINT(1 2)}; the SRID is not
 * checked), EWKT ({@code SRID=4326;POINT(1 2)}) or the SQL call {@code ST_GeomFromText('POINT(1 2)', 4326)}
 * (the SRID is checked; 0 or none means none).
 */
public record GeometryValue(Geometry geometry, Integer srid) implements SqlValue {
    private static final Pattern EWKT = Pattern.compile("(?i)SRID=(\\d+);(.*)", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile(
            "(?i)(?:ST_)?Geom(?:etry)?FromText\\(\\s*'([^']*)'\\s*(?:,\\s*(\\d+)\\s*)?\\)", Pattern.DOTALL);

    @Override
    public boolean matches(String written) {
        String text = written.trim();
        Integer expectedSrid = null;
        boolean sridGiven = false;
        Matcher ewkt = EWKT.matcher(text);
        Matcher call = CALL.matcher(text);
        if (ewkt.matches()) {
            expectedSrid = Integer.valueOf(ewkt.group(1));
            sridGiven = true;
            text = ewkt.group(2);
        } else if (call.matches()) {
            expectedSrid = call.group(2) == null ? 0 : Integer.valueOf(call.group(2));
            sridGiven = true;
            text = call.group(1);
        }
        if (sridGiven && (srid == null ? 0 : srid) != expectedSrid) {
            return false;
        }
        try {
            return geometry.equals(Geometry.fromWkt(text));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** EWKT when the value has an SRID ({@code SRID=4326;POINT(1 1)}), else WKT. */
    @Override
    public String show() {
        return (srid == null || srid == 0 ? "" : "SRID=" + srid + ";") + geometry.toWkt();
    }
}
