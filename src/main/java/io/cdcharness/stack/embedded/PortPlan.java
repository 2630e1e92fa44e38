package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;

/**
 * Which ports the services listen on: free ones picked at boot (the default, so that runs never
 * collide), or the seed's well-known ones (3306, 9092, 8083) so that a manual walkthrough with curl
 * and console clients works verbatim ({@code cdc.ports=seed}).
 */
record PortPlan(int database, int kafka, int connect) {
    static final int FREE = 0;

    static PortPlan free() {
        return new PortPlan(FREE, FREE, FREE);
    }

    static PortPlan seed() {
        return new PortPlan(3306, 9092, 8083);
    }

    static PortPlan of(String setting) {
        return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "free", "" -> free();
            case "seed" -> seed();
            default -> throw new IllegalArgumentException("cdc.ports=" + setting + " is not known. Use free (pick free ports) "
                    + "or seed (MySQL 3306, Kafka 9092, Connect 8083, as in the seed's docker-compose).");
        };
    }

    /** The fixed port if there is one and it is free, a free port otherwise; a taken fixed port is a clear error. */
    static int claim(int wanted, String service, String what) {
        if (wanted == FREE) {
            return FreePorts.next();
        }
        if (FreePorts.isListening(wanted) || !FreePorts.canBind(wanted)) {
            throw new StackBootException(service, "port " + wanted + " on 127.0.0.1 (" + what + ") is already in use. "
                    + "Stop what listens there (ss -ltnp 'sport = :" + wanted + "' shows it), or use free ports (cdc.ports=free, "
                    + "or up without --ports seed).", null);
        }
        return wanted;
    }
}
