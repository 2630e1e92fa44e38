package com.example.orders;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.junit.CdcTest;
import org.junit.jupiter.api.Test;

/** A plain JUnit 5 test of the order service's pipeline: register, insert, assert. */
@CdcTest(sql = "sql/orders-schema.sql", connector = "connectors/orders-connector.json")
class OrderCdcIT {

    @Test
    void aCancelledOrderIsCaptured(CdcHarness cdc) {
        cdc.database().execute("INSERT INTO orders.purchase_order VALUES (7, 'cy', 'NEW', 5.00, '2026-11-25 10:00:00');"
                + "UPDATE orders.purchase_order SET status = 'CANCELLED' WHERE id = 7");
        cdc.topic("orderservice.orders.purchase_order")
                .receives(EventExpectation.op("u").with("before.status", "NEW").with("after.status", "CANCELLED"));
    }
}
