package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every MySQL and MariaDB type, as the JsonConverter writes it with its Connect schema, compared by meaning with a
 * value written as in SQL; and the values that must not match.
 */
class FieldExpectationTypesTest {

    /** The field {@code after.v} of an event whose {@code v} has the given Connect field schema and payload. */
    static JsonNode value(String fieldSchema, String payload) {
        String json = "{\"schema\": {\"type\": \"struct\", \"fields\": [{\"field\": \"after\", \"type\": \"struct\", \"fields\": ["
                + fieldSchema.replaceFirst("\\{", "{\"field\": \"v\", ") + "]}]}, \"payload\": {\"after\": {\"v\": " + payload + "}}}";
        ChangeEvent event = ChangeEvent.of(new RecordedRecord("t", 0, 0, 0, null, json.getBytes(StandardCharsets.UTF_8), Map.of()));
        return event.field("after.v").orElseThrow();
    }

    static boolean matches(JsonNode actual, String written) {
        return new FieldExpectation("after.v", written).matches(actual);
    }

    static void assertMatches(JsonNode actual, String... written) {
        for (String w : written) {
            assertThat(matches(actual, w)).as("%s should match %s", w, FieldExpectation.show(actual)).isTrue();
        }
    }

    static void assertNoMatch(JsonNode actual, String... written) {
        for (String w : written) {
            assertThat(matches(actual, w)).as("%s must not match %s", w, FieldExpectation.show(actual)).isFalse();
        }
    }

    @Test
    void timestampComparesByInstantWhateverTheFractionDigits() {
        JsonNode t = value("{\"type\": \"string\", \"name\": \"io.debezium.time.ZonedTimestamp\"}", "\"1970-01-01T00:00:00.00Z\"");
        assertMatches(t, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.00Z", "1970-01-01 00:00:00.000000Z", "1970-01-01T02:00:00+02:00",
                "1969-12-31T19:00:00-0500");
        assertNoMatch(t, "1970-01-01T00:00:00.001Z", "1970-01-01T00:00:01Z", "1970-01-01T00:00:00", "1970-01-01", "0");
        assertThat(FieldExpectation.show(t)).isEqualTo("1970-01-01T00:00:00Z");

        JsonNode fraction = value("{\"type\": \"string\", \"name\": \"io.debezium.time.ZonedTimestamp\"}", "\"2014-09-08T17:51:04.78Z\"");
        assertMatches(fraction, "2014-09-08T17:51:04.78Z", "2014-09-08 17:51:04.780000Z");
        assertNoMatch(fraction, "2014-09-08T17:51:04.77Z", "2014-09-08T17:51:04Z");
        assertThat(FieldExpectation.show(fraction)).isEqualTo("2014-09-08T17:51:04.780Z");
    }

    @Test
    void datetimeComparesAsLocalDateTimeInEveryPrecision() {
        JsonNode millis = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.Timestamp\"}", "1410198664780");
        assertMatches(millis, "2014-09-08T17:51:04.78", "2014-09-08 17:51:04.780", "2014-09-08T17:51:04.780000");
        assertNoMatch(millis, "2014-09-08T17:51:04.77", "2014-09-08T17:51:04", "2014-09-08T17:51:04.78Z", "1410198664780");
        assertThat(FieldExpectation.show(millis)).isEqualTo("2014-09-08T17:51:04.780");

        JsonNode micros = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTimestamp\"}", "1410198664000001");
        assertMatches(micros, "2014-09-08T17:51:04.000001", "2014-09-08 17:51:04.0000010");
        assertNoMatch(micros, "2014-09-08T17:51:04", "2014-09-08T17:51:04.00001");
        assertThat(FieldExpectation.show(micros)).isEqualTo("2014-09-08T17:51:04.000001");

        JsonNode midnight = value("{\"type\": \"int64\", \"name\": \"org.apache.kafka.connect.data.Timestamp\"}", "0");
        assertMatches(midnight, "1970-01-01T00:00:00", "1970-01-01 00:00", "1970-01-01");
        assertNoMatch(midnight, "1970-01-02", "0000-00-00 00:00:00");

        JsonNode beforeEpoch = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTimestamp\"}", "-1");
        assertMatches(beforeEpoch, "1969-12-31T23:59:59.999999");
    }

    @Test
    void dateComparesByDay() {
        JsonNode d = value("{\"type\": \"int32\", \"name\": \"io.debezium.time.Date\"}", "16321");
        assertMatches(d, "2014-09-08", "2014-9-8");
        assertNoMatch(d, "2014-09-09", "16321", "2014-09-08T00:00:00", "0000-00-00");
        JsonNode ancient = value("{\"type\": \"int32\", \"name\": \"org.apache.kafka.connect.data.Date\"}", "-712863");
        assertMatches(ancient, "0018-04-01");
        assertThat(FieldExpectation.show(ancient)).isEqualTo("0018-04-01");
    }

    @Test
    void timeCoversMySqlsWholeRangeWrittenAsInSql() {
        JsonNode large = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTime\"}", "1864264780000");
        assertMatches(large, "517:51:04.78", "517:51:04.780000", "21 13:51:04.78");
        assertNoMatch(large, "517:51:04.77", "517:51:04", "-517:51:04.78", "1864264780000");
        assertThat(FieldExpectation.show(large)).isEqualTo("517:51:04.780");

        JsonNode negative = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTime\"}", "-47690000000");
        assertMatches(negative, "-13:14:50", "-13:14:50.000");
        assertNoMatch(negative, "13:14:50", "-13:14:51");
        assertThat(FieldExpectation.show(negative)).isEqualTo("-13:14:50");

        JsonNode min = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTime\"}", "-3020398999999");
        assertMatches(min, "-838:59:58.999999");
        assertNoMatch(min, "-838:59:59");

        JsonNode ten = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTime\"}", "36000001000");
        assertMatches(ten, "10:00:00.001");
        assertNoMatch(ten, "10:00:00", "10:00");

        JsonNode connect = value("{\"type\": \"int32\", \"name\": \"org.apache.kafka.connect.data.Time\"}", "64264780");
        assertMatches(connect, "17:51:04.78");
        assertNoMatch(connect, "17:51:04.777");
        assertThat(FieldExpectation.show(connect)).isEqualTo("17:51:04.780");
        assertNoMatch(connect, "17:60:00", "17:51:60");
    }

    @Test
    void bitOneIsABooleanWrittenAsOneOrTrue() {
        JsonNode on = value("{\"type\": \"boolean\"}", "true");
        assertMatches(on, "1", "true", "TRUE", "b'1'");
        assertNoMatch(on, "0", "false", "b'0'", "yes");
        JsonNode off = value("{\"type\": \"boolean\"}", "false");
        assertMatches(off, "0", "false", "b'0'");
        assertNoMatch(off, "1", "true");
        assertThat(FieldExpectation.show(on)).isEqualTo("true");
    }

    @Test
    void bitsCompareByTheirBitsPaddedOrNot() {
        JsonNode big = value("{\"type\": \"bytes\", \"name\": \"io.debezium.data.Bits\", \"parameters\": {\"length\": \"64\"}}", "\"2w5uAQAAAAA=\"");
        assertMatches(big, "1011011100000111011011011", "0000000000000000000000000000000000000001011011100000111011011011",
                "b'1011011100000111011011011'", "0b1011011100000111011011011", "x'00000000016E0EDB'", "0x16e0edb");
        assertNoMatch(big, "1011011100000111011011010", "101", "23989979");
        assertThat(FieldExpectation.show(big)).hasSize(64).endsWith("1011011100000111011011011");

        JsonNode three = value("{\"type\": \"bytes\", \"name\": \"io.debezium.data.Bits\", \"parameters\": {\"length\": \"3\"}}", "\"BQ==\"");
        assertMatches(three, "101", "0101", "b'101'");
        assertNoMatch(three, "110", "1", "1101");
        assertThat(FieldExpectation.show(three)).isEqualTo("101");

        JsonNode eight = value("{\"type\": \"bytes\", \"name\": \"io.debezium.data.Bits\", \"parameters\": {\"length\": \"8\"}}", "\"QA==\"");
        assertMatches(eight, "1000000", "01000000", "x'40'");
        assertThat(FieldExpectation.show(eight)).isEqualTo("01000000");
    }

    @Test
    void integersCompareByValueAndUnsignedBigintInLongModeByItsUnsignedValue() {
        JsonNode small = value("{\"type\": \"int16\"}", "-128");
        assertMatches(small, "-128", "-128.0", "-1.28e2");
        assertNoMatch(small, "128", "-127", "abc", "");

        JsonNode wrapped = value("{\"type\": \"int64\"}", "-1");
        assertMatches(wrapped, "-1", "18446744073709551615");
        assertNoMatch(wrapped, "18446744073709551614", "18446744073709551616", "1");
        JsonNode positive = value("{\"type\": \"int64\"}", "5");
        assertNoMatch(positive, "18446744073709551621");

        JsonNode precise = value("{\"type\": \"bytes\", \"name\": \"org.apache.kafka.connect.data.Decimal\", \"parameters\": {\"scale\": \"0\"}}",
                "\"AP//////////\"");
        assertMatches(precise, "18446744073709551615");
        assertNoMatch(precise, "-1", "18446744073709551614");

        JsonNode year = value("{\"type\": \"int32\", \"name\": \"io.debezium.time.Year\"}", "2018");
        assertMatches(year, "2018");
        assertNoMatch(year, "18", "2019");
    }

    @Test
    void decimalsCompareByValueInPreciseAndDoubleMode() {
        JsonNode precise = value("{\"type\": \"bytes\", \"name\": \"org.apache.kafka.connect.data.Decimal\", \"parameters\": {\"scale\": \"2\"}}",
                "\"AeI6\"");
        assertMatches(precise, "1234.50", "1234.5", "1234.500");
        assertNoMatch(precise, "1234.51", "1234", "0x01e23a");
        assertThat(FieldExpectation.show(precise)).isEqualTo("1234.50");
        JsonNode negative = value("{\"type\": \"bytes\", \"name\": \"org.apache.kafka.connect.data.Decimal\", \"parameters\": {\"scale\": \"3\"}}",
                "\"/y0=\"");
        assertMatches(negative, "-0.211");

        JsonNode asDouble = value("{\"type\": \"double\"}", "12345.67");
        assertMatches(asDouble, "12345.67", "12345.670");
        assertNoMatch(asDouble, "12345.68");

        JsonNode asString = value("{\"type\": \"string\"}", "\"3.44400\"");
        assertMatches(asString, "3.44400");
        assertNoMatch(asString, "3.444"); // the wire says only "string": compared as written
    }

    @Test
    void floatsCompareAsTheFloatsTheyAre() {
        JsonNode single = value("{\"type\": \"float\"}", "64.1");
        assertMatches(single, "64.1", "64.10", "64.099998");
        assertNoMatch(single, "64.2", "64.11");
        JsonNode twice = value("{\"type\": \"double\"}", "30.12346");
        assertMatches(twice, "30.12346");
        assertNoMatch(twice, "30.123456");
        JsonNode widened = value("{\"type\": \"double\"}", "5.610000133514404"); // FLOAT(10,2) 5.61 arrives as float64
        assertMatches(widened, "5.61", "5.610000133514404");
        assertNoMatch(widened, "5.62", "5.611", "5.610000000000001");
        assertNoMatch(value("{\"type\": \"double\"}", "5.61"), "5.610000133514404");
    }

    @Test
    void binaryComparesByBytesWrittenInHexOrAsTheTextItHolds() {
        JsonNode bytes = value("{\"type\": \"bytes\"}", "\"TXlTUUw=\"");
        assertMatches(bytes, "0x4D7953514C", "0x4d7953514c", "x'4D7953514C'", "X'4d7953514c'", "MySQL", "'MySQL'");
        assertNoMatch(bytes, "0x4D7953514D", "mysql", "TXlTUUw=", "0x4D7953514C00");
        assertThat(FieldExpectation.show(bytes)).isEqualTo("0x4d7953514c ('MySQL')");

        JsonNode raw = value("{\"type\": \"bytes\"}", "\"AQID\"");
        assertMatches(raw, "0x010203");
        assertNoMatch(raw, "0x0102", "0x01020300");
        assertThat(FieldExpectation.show(raw)).isEqualTo("0x010203");

        // binary.handling.mode=hex, base64, base64-url-safe: the wire says "string"; 0x... is compared with each encoding
        assertMatches(value("{\"type\": \"string\"}", "\"651aed08390f4893b2f136923e7b74ab\""), "0x651AED08390F4893B2F136923E7B74AB");
        assertMatches(value("{\"type\": \"string\"}", "\"ZRrtCDkPSJOy8TaSPnt0qw==\""), "0x651AED08390F4893B2F136923E7B74AB");
        assertMatches(value("{\"type\": \"string\"}", "\"ZRrtCDkPSJOy8TaSPnt0qw==\""), "ZRrtCDkPSJOy8TaSPnt0qw==");
        assertMatches(value("{\"type\": \"string\"}", "\"-_8=\""), "0xFBFF");
        assertNoMatch(value("{\"type\": \"string\"}", "\"010203\""), "0x010204", "0x0102");
    }

    @Test
    void enumSetAndText() {
        JsonNode e = value("{\"type\": \"string\", \"name\": \"io.debezium.data.Enum\", \"parameters\": {\"allowed\": \"a,b,c\"}}", "\"b\"");
        assertMatches(e, "b", "'b'");
        assertNoMatch(e, "B", "a", "''");
        JsonNode set = value("{\"type\": \"string\", \"name\": \"io.debezium.data.EnumSet\", \"parameters\": {\"allowed\": \"a,b,c\"}}", "\"a,b\"");
        assertMatches(set, "a,b", "b,a", "'b,a'");
        assertNoMatch(set, "a", "a,b,c", "''");
        JsonNode empty = value("{\"type\": \"string\", \"name\": \"io.debezium.data.EnumSet\"}", "\"\"");
        assertMatches(empty, "''");
        assertNoMatch(empty, "a", "null");

        JsonNode text = value("{\"type\": \"string\"}", "\"产品\"");
        assertMatches(text, "产品");
        assertNoMatch(text, "产", "null");
        assertThat(FieldExpectation.show(text)).isEqualTo("\"产品\"");
        assertMatches(value("{\"type\": \"string\"}", "\"\""), "''");
        JsonNode nullText = value("{\"type\": \"string\"}", "\"null\"");
        assertMatches(nullText, "'null'");
        assertNoMatch(nullText, "null"); // null is SQL NULL
        assertMatches(value("{\"type\": \"string\"}", "\"it's\""), "it's", "'it''s'");
        assertMatches(value("{\"type\": \"string\"}", "\"'quoted'\""), "'quoted'");
    }

    @Test
    void jsonComparesAsDocumentsAndNullIsSqlNull() {
        JsonNode doc = value("{\"type\": \"string\", \"name\": \"io.debezium.data.Json\"}", "\"{\\\"a\\\":2,\\\"b\\\":[1.0,\\\"x\\\"]}\"");
        assertMatches(doc, "{\"a\": 2, \"b\": [1, \"x\"]}", "{\"b\":[1.00,\"x\"],\"a\":2}", "'{\"a\": 2, \"b\": [1, \"x\"]}'");
        assertNoMatch(doc, "{\"a\": 3, \"b\": [1, \"x\"]}", "{\"a\": 2}", "null");
        JsonNode jsonNull = value("{\"type\": \"string\", \"name\": \"io.debezium.data.Json\"}", "\"null\"");
        assertMatches(jsonNull, "'null'");
        assertNoMatch(jsonNull, "null", "'{}'");
        JsonNode scalar = value("{\"type\": \"string\", \"name\": \"io.debezium.data.Json\"}", "\"\\\"scalar string\\\"\"");
        assertMatches(scalar, "\"scalar string\"");
        assertNoMatch(scalar, "scalar string");
        JsonNode sqlNull = value("{\"type\": \"string\", \"optional\": true, \"name\": \"io.debezium.data.Json\"}", "null");
        assertMatches(sqlNull, "null");
        assertNoMatch(sqlNull, "'null'");
    }

    @Test
    void geometryComparesByGeometryWithWkt() {
        String schema = "{\"type\": \"struct\", \"name\": \"io.debezium.data.geometry.Geometry\", \"fields\": ["
                + "{\"field\": \"wkb\", \"type\": \"bytes\"}, {\"field\": \"srid\", \"type\": \"int32\", \"optional\": true}]}";
        JsonNode point = value(schema, "{\"wkb\": \"AQEAAAAAAAAAAADwPwAAAAAAAPA/\", \"srid\": 4326}");
        assertMatches(point, "POINT(1 1)", "point (1.0 1)", "SRID=4326;POINT(1 1)", "ST_GeomFromText('POINT(1 1)', 4326)");
        assertNoMatch(point, "POINT(1 2)", "SRID=0;POINT(1 1)", "ST_GeomFromText('POINT(1 1)')", "LINESTRING(1 1, 1 1)", "0x01");
        assertThat(FieldExpectation.show(point)).isEqualTo("SRID=4326;POINT(1 1)");

        JsonNode polygon = value(schema, "{\"wkb\": \"AQMAAAABAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADwPwAAAAAAAPA/AAAAAAAA8D8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\", \"srid\": null}");
        assertMatches(polygon, "POLYGON((0 0, 1 1, 1 0, 0 0))", "SRID=0;POLYGON((0 0,1 1,1 0,0 0))", "ST_GeomFromText('POLYGON((0 0, 1 1, 1 0, 0 0))')");
        assertNoMatch(polygon, "POLYGON((0 0, 1 0, 1 1, 0 0))", "SRID=4326;POLYGON((0 0, 1 1, 1 0, 0 0))");
        assertThat(FieldExpectation.show(polygon)).isEqualTo("POLYGON((0 0, 1 1, 1 0, 0 0))");

        JsonNode collection = value(schema, "{\"wkb\": \"AQcAAAACAAAAAQEAAAAAAAAAAADwPwAAAAAAAPA/AQIAAAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAA8D8=\", \"srid\": 4326}");
        assertMatches(collection, "GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))", "GEOMCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))");
        assertNoMatch(collection, "GEOMETRYCOLLECTION(POINT(1 1))", "MULTIPOINT(1 1, 0 0)");
    }

    @Test
    void aMismatchShowsTheValueAsTheUserWouldWriteIt() {
        JsonNode time = value("{\"type\": \"int64\", \"name\": \"io.debezium.time.MicroTime\"}", "1864264770000");
        assertThat(new FieldExpectation("after.t", "517:51:04.78").matches(time)).isFalse();
        assertThat("after.t: expected 517:51:04.78 but was " + FieldExpectation.show(time))
                .isEqualTo("after.t: expected 517:51:04.78 but was 517:51:04.770");
    }

    @Test
    void withoutSchemasValuesCompareAsWritten() {
        // value.converter.schemas.enable=false: no envelope, no types; today's rules
        String json = "{\"op\": \"c\", \"after\": {\"ts\": \"1970-01-01T00:00:00.00Z\", \"t\": 1864264780000, \"n\": 1.50, \"b\": \"0xCAFE\"}}";
        ChangeEvent event = ChangeEvent.of(new RecordedRecord("t", 0, 0, 0, null, json.getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(new FieldExpectation("after.ts", "1970-01-01T00:00:00.00Z").matches(event.field("after.ts").orElseThrow())).isTrue();
        assertThat(new FieldExpectation("after.ts", "1970-01-01T00:00:00Z").matches(event.field("after.ts").orElseThrow())).isFalse();
        assertThat(new FieldExpectation("after.t", "1864264780000").matches(event.field("after.t").orElseThrow())).isTrue();
        assertThat(new FieldExpectation("after.t", "517:51:04.78").matches(event.field("after.t").orElseThrow())).isFalse();
        assertThat(new FieldExpectation("after.n", "1.5").matches(event.field("after.n").orElseThrow())).isTrue();
        assertThat(new FieldExpectation("after.b", "0xcafe").matches(event.field("after.b").orElseThrow())).isTrue();
    }
}
