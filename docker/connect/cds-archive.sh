#!/bin/bash
# Image build step (stage "cds", FROM cdc-harness/kafka): runs a throwaway broker and the worker once so
# that the worker records its class-data-sharing archive /kafka/cds/connect.jsa (REST ready ~1 s sooner on
# every start). Best effort: without the archive the worker only starts slower.
set -u
mkdir -p /tmp/cds /kafka/cds
cp /etc/kafka/docker/cds-server.properties /mnt/shared/config/server.properties
/etc/kafka/docker/run > /tmp/cds/kafka.log 2>&1 &
kafka=$!
CDS_DUMP=1 BOOTSTRAP_SERVERS=localhost:49092 CONFIG_STORAGE_TOPIC=cds-config OFFSET_STORAGE_TOPIC=cds-offsets \
  STATUS_STORAGE_TOPIC=cds-status REST_PORT=48083 /docker-entrypoint.sh > /tmp/cds/connect.log 2>&1 &
worker=$!
# status line of a GET to the worker's REST API (no curl in the image)
get() { { exec 3<>/dev/tcp/localhost/48083 && printf 'GET %s HTTP/1.0\r\n\r\n' "$1" >&3 && head -n 1 <&3; } 2>/dev/null; }
for _ in $(seq 1 600); do [[ $(get /connectors) == *" 200 "* ]] && break; sleep 0.1; done
get /connector-plugins
kill -TERM $worker; wait $worker
kill -TERM $kafka; wait $kafka
ls -l /kafka/cds/ && [[ -s /kafka/cds/connect.jsa ]] || { echo "cds-archive: no archive"; tail -n 20 /tmp/cds/connect.log; }
exit 0
