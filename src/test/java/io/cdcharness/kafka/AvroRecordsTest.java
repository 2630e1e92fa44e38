package io.cdcharness.kafka;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Avro as the Avro converter writes it becomes the JsonConverter's envelope, so logical types decode the same. */
class AvroRecordsTest {
    private static final String SCHEMA = """
            {"type":"record","name":"Value","namespace":"avro.shop.customer","fields":[
              {"name":"id","type":"int"},
              {"name":"since","type":["null",{"type":"int","connect.version":1,"connect.name":"io.debezium.time.Date"}],"default":null},
              {"name":"balance","type":["null",{"type":"bytes","scale":2,"precision":10,"connect.version":1,
                 "connect.parameters":{"scale":"2","connect.decimal.precision":"10"},"connect.name":"org.apache.kafka.connect.data.Decimal",
                 "logicalType":"decimal"}],"default":null},
              {"name":"small","type":{"type":"int","connect.type":"int16"}}],
             "connect.name":"avro.shop.customer.Value"}""";

    @Test
    void aConfluentFormatRecordDecodesLikeJson() throws Exception {
        Schema schema = new Schema.Parser().parse(SCHEMA);
        GenericRecord value = new GenericData.Record(schema);
        value.put("id", 1);
        value.put("since", 19753); // 2024-01-31
        value.put("balance", ByteBuffer.wrap(new java.math.BigInteger("1234").toByteArray()));
        value.put("small", 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 0, 0, 42});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(value, encoder);
        encoder.flush();

        SchemaRegistryClient registry = new SchemaRegistryClient("http://unused") {
            @Override
            public String schemaById(int id) {
                assertThat(id).isEqualTo(42);
                return SCHEMA;
            }
        };
        AvroRecords avro = new AvroRecords(() -> java.util.Optional.of(registry));
        RecordedRecord record = new RecordedRecord("avro.shop.customer", 0, 0, 0, null, out.toByteArray(), Map.of(), avro);
        assertThat(record.rawValueJson().path("schema").path("fields").get(3).path("type").asText()).isEqualTo("int16");
        assertThat(record.valueJson().path("id").asInt()).isEqualTo(1);
        assertThat(record.valueJson().path("since").asText()).isEqualTo("2024-01-31");
        assertThat(record.valueJson().path("balance").decimalValue()).isEqualByComparingTo("12.34");
    }
}
