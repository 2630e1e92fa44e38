package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.kafka.values.Geometry;
import io.cdcharness.kafka.values.GeometryNode;
import io.cdcharness.kafka.values.SqlLiterals;
import io.cdcharness.kafka.values.SqlValueNode;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogicalValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode decode(String envelope) throws Exception {
        return LogicalValues.decodeEnvelope(JSON.readTree(envelope));
    }

    @Test
    void decodedValuesPrintAsAUserWritesThem() throws Exception {
        JsonNode row = decode("""
                {"schema": {"type": "struct", "fields": [
                  {"field": "id", "type": "int32"},
                  {"field": "price", "type": "bytes", "name": "org.apache.kafka.connect.data.Decimal", "parameters": {"scale": "2"}},
                  {"field": "t", "type": "int64", "name": "io.debezium.time.MicroTime"},
                  {"field": "ts", "type": "string", "name": "io.debezium.time.ZonedTimestamp"},
                  {"field": "flags", "type": "bytes", "name": "io.debezium.data.Bits", "parameters": {"length": "4"}},
                  {"field": "blob", "type": "bytes"},
                  {"field": "name", "type": "string", "optional": true}]},
                 "payload": {"id": 1, "price": "AeI6", "t": -47690000000, "ts": "2014-09-08T17:51:04.78Z", "flags": "Cg==",
                             "blob": "yv4=", "name": null}}
                """);
        assertThat(row.toString()).isEqualTo("{\"id\":1,\"price\":1234.50,\"t\":\"-13:14:50\",\"ts\":\"2014-09-08T17:51:04.780Z\","
                + "\"flags\":\"1010\",\"blob\":\"0xcafe\",\"name\":null}");
        assertThat(row.get("id")).isInstanceOf(SqlValueNode.class);
        assertThat(row.get("id").isNumber()).isTrue();
        assertThat(row.get("id").asInt()).isEqualTo(1);
        assertThat(row.get("t").isTextual()).isTrue();
        assertThat(row.get("t").asText()).isEqualTo("-13:14:50");
        assertThat(row.get("name").isNull()).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) row).remove("price"); // a DecimalNode equals no parsed DoubleNode, as before
        assertThat(row).isEqualTo(JSON.readTree("{\"id\":1,\"t\":\"-13:14:50\",\"ts\":\"2014-09-08T17:51:04.780Z\","
                + "\"flags\":\"1010\",\"blob\":\"0xcafe\",\"name\":null}"));
    }

    @Test
    void everyConnectTypeNameTheJsonConverterWritesIsTyped() throws Exception {
        JsonNode row = decode("""
                {"schema": {"type": "struct", "fields": [{"field": "a", "type": "int8"}, {"field": "b", "type": "int16"},
                  {"field": "c", "type": "int32"}, {"field": "d", "type": "int64"}, {"field": "e", "type": "float"},
                  {"field": "f", "type": "double"}, {"field": "g", "type": "boolean"}, {"field": "h", "type": "string"},
                  {"field": "i", "type": "bytes"}]},
                 "payload": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5.5, "f": 6.5, "g": true, "h": "x", "i": "AQ=="}}
                """);
        for (String field : new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i"}) {
            assertThat(row.get(field)).as(field).isInstanceOf(SqlValueNode.class);
        }
    }

    @Test
    void aGeometryKeepsItsFieldsAndComparesAsAWhole() throws Exception {
        JsonNode row = decode("""
                {"schema": {"type": "struct", "fields": [
                  {"field": "p", "type": "struct", "name": "io.debezium.data.geometry.Point", "fields": [
                    {"field": "x", "type": "double"}, {"field": "y", "type": "double"},
                    {"field": "wkb", "type": "bytes", "optional": true}, {"field": "srid", "type": "int32", "optional": true}]}]},
                 "payload": {"p": {"x": 1.0, "y": 1.0, "wkb": "AQEAAAAAAAAAAADwPwAAAAAAAPA/", "srid": null}}}
                """);
        assertThat(row.get("p")).isInstanceOf(GeometryNode.class);
        assertThat(row.get("p").get("wkb").asText()).isEqualTo("0x0101000000000000000000f03f000000000000f03f");
        assertThat(row.get("p").get("srid").isNull()).isTrue();
        assertThat(((GeometryNode) row.get("p")).sqlValue().show()).isEqualTo("POINT(1 1)");
    }

    @Test
    void aValueThatIsNotWhatItsSchemaSaysStaysAsItIs() throws Exception {
        JsonNode row = decode("""
                {"schema": {"type": "struct", "fields": [{"field": "d", "type": "bytes", "name": "org.apache.kafka.connect.data.Decimal"},
                  {"field": "g", "type": "struct", "name": "io.debezium.data.geometry.Geometry", "fields": []}]},
                 "payload": {"d": "not base64!", "g": {"wkb": "AQ==", "srid": 0}}}
                """);
        assertThat(row.get("d").asText()).isEqualTo("not base64!");
        assertThat(row.get("g")).isNotInstanceOf(GeometryNode.class);
        assertThat(decode("{\"a\": 1}").toString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void wkbFromMySqlReadsAsTheGeometryWktWrites() {
        String[][] cases = {
                {"0101000000000000000000F03F000000000000F03F", "POINT(1 1)"},
                {"01020000000200000000000000000000000000000000000000000000000000F03F000000000000F03F", "LINESTRING(0 0, 1 1)"},
                {"0103000000010000000400000000000000000000000000000000000000000000000000F03F000000000000F03F000000000000F03F"
                        + "000000000000000000000000000000000000000000000000", "POLYGON((0 0, 1 1, 1 0, 0 0))"},
                {"0107000000020000000101000000000000000000F03F000000000000F03F0102000000020000000000000000000000000000000000"
                        + "0000000000000000F03F000000000000F03F", "GEOMETRYCOLLECTION(POINT(1 1), LINESTRING(0 0, 1 1))"},
                {"00000000013FF00000000000004000000000000000", "POINT(1 2)"},
        };
        for (String[] c : cases) {
            Geometry geometry = Geometry.fromWkb(HexFormat.of().parseHex(c[0].toLowerCase()));
            assertThat(geometry.toWkt()).isEqualTo(c[1]);
            assertThat(geometry).isEqualTo(Geometry.fromWkt(c[1]));
        }
        assertThatThrownBy(() -> Geometry.fromWkb(HexFormat.of().parseHex("0101000000000000000000f03f"))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Geometry.fromWkb(HexFormat.of().parseHex("0109000000"))).hasMessageContaining("type 9");
    }

    @Test
    void wktReadsEveryTypeAndRefusesWhatIsNotWkt() {
        assertThat(Geometry.fromWkt("multipoint((1 2), (3 4))")).isEqualTo(Geometry.fromWkt("MULTIPOINT(1 2, 3 4)"));
        assertThat(Geometry.fromWkt("MULTIPOINT(1 2, 3 4)").toWkt()).isEqualTo("MULTIPOINT((1 2), (3 4))");
        assertThat(Geometry.fromWkt("MULTILINESTRING((0 0, 1 1), (2 2, 3 3))").toWkt()).isEqualTo("MULTILINESTRING((0 0, 1 1), (2 2, 3 3))");
        assertThat(Geometry.fromWkt("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))").toWkt())
                .isEqualTo("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
        assertThat(Geometry.fromWkt("GEOMETRYCOLLECTION EMPTY").toWkt()).isEqualTo("GEOMETRYCOLLECTION EMPTY");
        assertThat(Geometry.fromWkt("POINT(8.25554554 -3.5e-1)").toWkt()).isEqualTo("POINT(8.25554554 -0.35)");
        assertThat(Geometry.fromWkt("POINT(0 0)")).isEqualTo(Geometry.fromWkt("POINT(-0 0)"));
        assertThat(Geometry.fromWkt("POINT(1 2)")).isNotEqualTo(Geometry.fromWkt("POINT(2 1)"));
        assertThatThrownBy(() -> Geometry.fromWkt("POINT(1)")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Geometry.fromWkt("CIRCLE(1 1)")).hasMessageContaining("geometry type");
        assertThatThrownBy(() -> Geometry.fromWkt("POINT(1 1) x")).hasMessageContaining("end of the text");
    }

    @Test
    void literalsAsMySqlWritesThem() {
        assertThat(SqlLiterals.hex("0xABC")).containsExactly(0x0a, 0xbc);
        assertThat(SqlLiterals.hex("x'ABC'")).isNull();
        assertThat(SqlLiterals.hex("X''")).isEmpty();
        assertThat(SqlLiterals.bits("b''")).isZero();
        assertThat(SqlLiterals.bits("102")).isNull();
        assertThat(SqlLiterals.sqlString("'it''s'")).isEqualTo("it's");
        assertThat(SqlLiterals.sqlString("'a'b'")).isNull();
        assertThat(SqlLiterals.number("+1.5e2")).isEqualByComparingTo("150");
        assertThat(SqlLiterals.number("1.2.3")).isNull();
        assertThat(LogicalValues.bits(new byte[] {0x40}, 8)).isEqualTo("01000000");
        assertThat(LogicalValues.hex(new byte[] {(byte) 0xca, (byte) 0xfe})).isEqualTo("0xcafe");
    }
}
