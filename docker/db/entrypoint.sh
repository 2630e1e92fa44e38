#!/bin/bash
# Entrypoint of cdc-harness/mysql and cdc-harness/mariadb: the env contract of the official mysql/mariadb
# images, done without a client binary. On first start (empty datadir) the data dir is initialised and the
# server is started with --init-file holding the account/database statements, so it is ready in one start.
#   MYSQL_ROOT_PASSWORD | MYSQL_ALLOW_EMPTY_PASSWORD | MYSQL_RANDOM_ROOT_PASSWORD   (one is required)
#   MYSQL_ROOT_HOST (default %), MYSQL_DATABASE, MYSQL_USER + MYSQL_PASSWORD
#   MariaDB also reads MARIADB_* (wins over MYSQL_*, e.g. MARIADB_ALLOW_EMPTY_ROOT_PASSWORD); every
#   variable may be given as NAME_FILE (path to a file holding the value).
#   /docker-entrypoint-initdb.d: *.sql and *.sql.gz run through the init file (binlogged, in MYSQL_DATABASE;
#   see the init-file rules below); *.sh are sourced before the server starts (no client to talk to it).
# Config: /etc/mysql/my.cnf ends with !includedir /etc/mysql/conf.d/, so a .cnf copied there wins.
set -eo pipefail

if [[ -x /usr/local/mariadb/bin/mariadbd ]]; then FLAVOR=mariadb SERVER=mariadbd; else FLAVOR=mysql SERVER=mysqld; fi

# `docker run IMAGE --opt ...` means the server with --opt; any other command runs as given
[[ ${1:0:1} == - ]] && set -- "$SERVER" "$@"
if [[ $1 != mysqld && $1 != mariadbd ]] || [[ " $* " =~ \ (--help|--version|-V)\  ]]; then exec "$@"; fi
set -- "$SERVER" "${@:2}"   # `mysqld` on the MariaDB image means mariadbd

log() { echo "$(date -u +%FT%TZ) [Entrypoint]: $*"; }

# setting NAME -> value of MARIADB_NAME / MYSQL_NAME (or of the file their _FILE variant names)
setting() {
  local names=(MYSQL_$1) n f
  [[ $FLAVOR == mariadb ]] && names=(MARIADB_$1 MYSQL_$1)
  for n in "${names[@]}"; do
    f=${n}_FILE
    if [[ -n ${!n} ]]; then echo "${!n}"; return; fi
    if [[ -n ${!f} ]]; then cat "${!f}"; return; fi
  done
}
sql_str() { local s=${1//\\/\\\\}; s=${s//\'/\\\'}; printf "'%s'" "$s"; }   # SQL string literal
sql_id() { printf '`%s`' "${1//\`/\`\`}"; }                                 # SQL identifier

# the effective datadir (a conf.d file may move it)
DATADIR=$("$@" --verbose --help 2>/dev/null | awk '$1 == "datadir" { print $2; exit }')
DATADIR=${DATADIR:-/var/lib/mysql/}
mkdir -p "$DATADIR" /run/mysqld

if [[ ! -d $DATADIR/mysql ]]; then
  ROOT_PASSWORD=$(setting ROOT_PASSWORD)
  ALLOW_EMPTY=$(setting ALLOW_EMPTY_PASSWORD)$(setting ALLOW_EMPTY_ROOT_PASSWORD)
  RANDOM_PW=$(setting RANDOM_ROOT_PASSWORD)$(setting RANDOM_PASSWORD)
  ROOT_HOST=$(setting ROOT_HOST); ROOT_HOST=${ROOT_HOST:-%}
  DATABASE=$(setting DATABASE); DB_USER=$(setting USER); DB_PASSWORD=$(setting PASSWORD)
  if [[ -z $ROOT_PASSWORD && -z $ALLOW_EMPTY && -z $RANDOM_PW ]]; then
    log "error: database is uninitialized and password option is not specified"
    log "  You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD"
    exit 1
  fi
  if [[ -n $RANDOM_PW && -z $ROOT_PASSWORD ]]; then
    ROOT_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    log "GENERATED ROOT PASSWORD: $ROOT_PASSWORD"
  fi

  log "Initializing database files in $DATADIR"
  TEMPLATE=/usr/local/mysql/initialized-datadir   # made at image build; unusable if init-time settings differ
  if [[ $FLAVOR == mysql && -d $TEMPLATE ]] && ! { cat /etc/mysql/conf.d/*.cnf 2>/dev/null; echo "$*"; } \
       | grep -qiE 'lower.case.table.names|innodb.page.size|innodb.data.file.path|innodb.data.home.dir|innodb.undo.directory'; then
    cp -a "$TEMPLATE/." "$DATADIR"
  elif [[ $FLAVOR == mysql ]]; then
    "$@" --initialize-insecure --default-time-zone=SYSTEM
  else
    mariadb-install-db --basedir=/usr/local/mariadb --datadir="$DATADIR" --user=root \
      --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve --skip-log-bin \
      --expire-logs-days=0 --default-time-zone=SYSTEM --loose-innodb_buffer_pool_load_at_startup=0 >/dev/null
  fi

  INIT=/run/mysqld/init.sql
  {
    # Init-file rules (both servers): one statement per line end, i.e. a statement ends with ';' at the end
    # of a line (it may span lines; whole-line comments are fine, trailing comments are not); the server
    # stops reading the file at the first failing statement and still starts.
    echo "SET sql_log_bin=0;"   # accounts and the database stay out of the binlog
    echo "SET @@SESSION.SQL_MODE=REPLACE(@@SESSION.SQL_MODE, 'NO_BACKSLASH_ESCAPES', '');"
    if [[ $FLAVOR == mariadb ]]; then   # install-db's other root and anonymous accounts go (as in the official image)
      echo "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1', ''@'localhost', 'root'@$(sql_str "$HOSTNAME"), ''@$(sql_str "$HOSTNAME");"
    fi
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_str "$ROOT_PASSWORD");"
    if [[ $ROOT_HOST != localhost ]]; then
      echo "CREATE USER IF NOT EXISTS 'root'@$(sql_str "$ROOT_HOST") IDENTIFIED BY $(sql_str "$ROOT_PASSWORD");"
      echo "GRANT ALL ON *.* TO 'root'@$(sql_str "$ROOT_HOST") WITH GRANT OPTION;"
    fi
    [[ -n $DATABASE ]] && echo "CREATE DATABASE IF NOT EXISTS $(sql_id "$DATABASE");"
    if [[ -n $DB_USER && $DB_USER != root && -n $DB_PASSWORD ]]; then
      echo "CREATE USER IF NOT EXISTS $(sql_str "$DB_USER")@'%' IDENTIFIED BY $(sql_str "$DB_PASSWORD");"
      [[ -n $DATABASE ]] && echo "GRANT ALL ON $(sql_id "$DATABASE").* TO $(sql_str "$DB_USER")@'%';"
    fi
    echo "FLUSH PRIVILEGES;"
    echo "SET sql_log_bin=1;"
    # MariaDB: give the binlog a first GTID; Debezium's binlog client fails on an empty MariaDB GTID set
    if [[ $FLAVOR == mariadb ]]; then
      echo "CREATE DATABASE cdc_harness_first_gtid;"
      echo "DROP DATABASE cdc_harness_first_gtid;"
    fi
    [[ -n $DATABASE ]] && echo "USE $(sql_id "$DATABASE");"
    for f in /docker-entrypoint-initdb.d/*; do
      case $f in
        *.sql) log "running $f" >&2; sed 's/[[:space:]]*$//' "$f"; echo ;;
        *.sql.gz) log "running $f" >&2; gunzip -c "$f" | sed 's/[[:space:]]*$//'; echo ;;
        *.sh) log "sourcing $f" >&2; . "$f" >&2 ;;
      esac
    done
  } > "$INIT"
  chmod 600 "$INIT"
  set -- "$@" --init-file="$INIT"
  log "Starting the server; accounts and database come from $INIT"
fi

exec "$@"
