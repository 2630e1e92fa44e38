#!/bin/bash
# Entrypoint of cdc-harness/connect: the env contract of quay.io/debezium/connect.
#   BOOTSTRAP_SERVERS (required), GROUP_ID (default 1), CONFIG_STORAGE_TOPIC and OFFSET_STORAGE_TOPIC
#   (required), STATUS_STORAGE_TOPIC, KEY_CONVERTER / VALUE_CONVERTER (default JsonConverter),
#   OFFSET_FLUSH_INTERVAL_MS (60000), OFFSET_FLUSH_TIMEOUT_MS (5000), SHUTDOWN_TIMEOUT (10000),
#   REST_PORT (8083), ADVERTISED_HOST_NAME (default: the hostname), ADVERTISED_PORT (8083),
#   ENABLE_APICURIO_CONVERTERS=true (Apicurio's Avro converter on the plugin path), HEAP_OPTS / KAFKA_HEAP_OPTS, KAFKA_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, LOG_LEVEL, CONNECT_LOG4J_LOGGERS,
#   and every other CONNECT_* variable is a worker property: CONNECT_KEY_CONVERTER -> key.converter
#   (drop CONNECT_, lower-case, _ -> .); those win over everything above.
# Command `start` (the default) runs the distributed worker; any other command runs as given.
set -eo pipefail

[[ $# -eq 0 ]] && set -- start
[[ $1 == start ]] || exec "$@"

for v in BOOTSTRAP_SERVERS CONFIG_STORAGE_TOPIC OFFSET_STORAGE_TOPIC; do
  [[ -n ${!v} ]] || { echo "The $v variable must be set." >&2; exit 1; }
done

CONF=/kafka/config/connect-distributed.properties
{
  echo "bootstrap.servers=$BOOTSTRAP_SERVERS"
  echo "group.id=${GROUP_ID:-1}"
  echo "config.storage.topic=$CONFIG_STORAGE_TOPIC"
  echo "offset.storage.topic=$OFFSET_STORAGE_TOPIC"
  echo "status.storage.topic=${STATUS_STORAGE_TOPIC:-connect-status}"
  echo "config.storage.replication.factor=1"
  echo "offset.storage.replication.factor=1"
  echo "status.storage.replication.factor=1"
  echo "key.converter=${KEY_CONVERTER:-org.apache.kafka.connect.json.JsonConverter}"
  echo "value.converter=${VALUE_CONVERTER:-org.apache.kafka.connect.json.JsonConverter}"
  echo "offset.flush.interval.ms=${OFFSET_FLUSH_INTERVAL_MS:-60000}"
  echo "offset.flush.timeout.ms=${OFFSET_FLUSH_TIMEOUT_MS:-5000}"
  echo "task.shutdown.graceful.timeout.ms=${SHUTDOWN_TIMEOUT:-10000}"
  echo "listeners=http://0.0.0.0:${REST_PORT:-8083}"
  echo "rest.advertised.host.name=${ADVERTISED_HOST_NAME:-$HOSTNAME}"
  echo "rest.advertised.port=${ADVERTISED_PORT:-8083}"
  if [[ ${ENABLE_APICURIO_CONVERTERS-} == true ]]; then echo "plugin.path=/kafka/connect,/kafka/external_libs"
  else echo "plugin.path=/kafka/connect"; fi
  echo "plugin.discovery=service_load"   # scanning jars (hybrid_warn) costs ~20 s of start-up
  # CONNECT_* -> properties (later lines win in a .properties file)
  for v in $(compgen -e | grep '^CONNECT_' | grep -v '^CONNECT_LOG4J_'); do
    name=${v#CONNECT_}; name=${name,,}
    echo "${name//_/.}=${!v}"
  done
} | awk -F= '{ key = $1; if (!(key in v)) order[n++] = key; v[key] = $0 } END { for (i = 0; i < n; i++) print v[order[i]] }' > "$CONF"
echo "===> Worker configuration ($CONF):"; sed 's/^/  /' "$CONF"

# extra loggers: CONNECT_LOG4J_LOGGERS="a.b=DEBUG,c=WARN"
cp /kafka/config/log4j2.base.properties /kafka/config/log4j2.properties
IFS=, read -ra loggers <<<"${CONNECT_LOG4J_LOGGERS-}"
i=0
for l in "${loggers[@]}"; do
  [[ $l == *=* ]] || continue
  printf 'logger.env%d.name = %s\nlogger.env%d.level = %s\n' $i "${l%%=*}" $i "${l#*=}" >> /kafka/config/log4j2.properties
  i=$((i + 1))
done

# class-data-sharing archive recorded at image build (cds-archive.sh sets CDS_DUMP); REST ready ~1 s sooner
if [[ -n ${CDS_DUMP-} ]]; then CDS=-XX:ArchiveClassesAtExit=/kafka/cds/connect.jsa
else CDS="-XX:SharedArchiveFile=/kafka/cds/connect.jsa -Xshare:auto"; fi

# the defaults of connect-distributed.sh / kafka-run-class.sh
exec java ${KAFKA_HEAP_OPTS:-${HEAP_OPTS:--Xms256M -Xmx2G}} \
  ${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true} \
  ${KAFKA_JMX_OPTS-} -Dlog4j2.configurationFile=/kafka/config/log4j2.properties $CDS ${KAFKA_OPTS-} \
  -cp '/kafka/libs/*' org.apache.kafka.connect.cli.ConnectDistributed "$CONF"
