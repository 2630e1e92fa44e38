#!/bin/bash
# Image build step: boots the broker once so that `run` records its class-data-sharing archives
# (/opt/kafka/storage.jsa, /opt/kafka/kafka.jsa), as the official image does. Best effort: without the
# archives the broker starts about 1 s slower, nothing else changes.
set -u
mkdir -p /tmp/cds
cp /etc/kafka/docker/cds-server.properties /mnt/shared/config/server.properties
CDS_DUMP=1 /etc/kafka/docker/run > /tmp/cds/log 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q 'Transitioning from RECOVERY to RUNNING' /tmp/cds/log && break; sleep 0.1; done
grep -q 'Transitioning from RECOVERY to RUNNING' /tmp/cds/log || { echo "cds-archives: broker did not start:"; tail -20 /tmp/cds/log; }
kill -TERM $pid; wait $pid
rm -rf /tmp/cds /mnt/shared/config/* /opt/kafka/config/*
ls -l /opt/kafka/*.jsa || true
