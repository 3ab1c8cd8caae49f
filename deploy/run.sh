#!/usr/bin/env bash
# Builds both apps and runs them until Ctrl-C. deploy/run.sh --help says how.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    cat <<'USAGE'
Usage: deploy/run.sh [--postgres] [--demo]

Builds both apps and runs them until Ctrl-C, then prints where the pages and the APIs are.
  (no option)   an embedded H2 database file under ./data: nothing to install
  --postgres    PostgreSQL at SPRING_DATASOURCE_URL (default jdbc:postgresql://127.0.0.1:5432/ordinateurs_solidaires);
                a new database is made, with one role per app, by SPRING_DATASOURCE_USERNAME/_PASSWORD (default:
                postgres). Its secrets are kept in ./secrets, apart from ./data: keep them as long as the database.
  --demo        also seeds a few hundred demo devices through the command API (first run only), and opens a demo
                account per role (passwords in data/demo-accounts)
  -h, --help    this help
Ports: COMMAND_PORT (default 8081) and QUERY_PORT (default 8082). Needs a JDK 17 or later.
USAGE
}

profile_args=()
demo_args=()
command_database=()
query_database=()
for arg in "$@"; do
    case "$arg" in
        --postgres) profile_args=(--spring.profiles.active=postgres) ;;
        --demo) demo_args=(--demo) ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $arg" >&2; usage >&2; exit 2 ;;
    esac
done
command_port=${COMMAND_PORT:-8081}
query_port=${QUERY_PORT:-8082}

# a JDK 17 or later, named when it is missing rather than failing somewhere in the build
java_version=$( (java -version 2>&1 || true) | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [ -z "$java_version" ] || [ "$java_version" -lt 17 ] || ! command -v javac >/dev/null; then
    found="no java"
    [ -n "$java_version" ] && found="Java $java_version$(command -v javac >/dev/null || echo ' without javac')"
    echo "deploy/run.sh needs a JDK 17 or later (java and javac on the PATH); found: $found" >&2
    echo "  Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless   macOS: brew install openjdk@17" >&2
    exit 1
fi
# a port already answering is another copy (or another program): starting beside it would report its apps as ours
for port in "$command_port" "$query_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use (another copy of deploy/run.sh?): stop it, or choose other ports with" \
            "COMMAND_PORT and QUERY_PORT" >&2
        exit 1
    fi
done
# one copy per ./data: a second one started while the first builds and starts (its ports not yet answering) would
# rebuild the jars under it and write over its logs and demo accounts
mkdir -p data
running=$(cat data/run.pid 2>/dev/null || true)
if [ -n "$running" ] && ps -p "$running" -o args= 2>/dev/null | grep -q 'run\.sh'; then
    echo "another copy of deploy/run.sh (pid $running) is running on ./data: stop it first" >&2
    exit 1
fi
echo $$ > data/run.pid
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)

# printed once: on the run that made the first account's password
new_admin_password=$([ -e data/admin-password ] && echo no || echo yes)
if [ ${#profile_args[@]} -gt 0 ]; then
    export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/ordinateurs_solidaires}
    export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-postgres}
    export SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-}
    # the database's secrets live as long as the database, not as ./data (which a user deletes to start afresh on the
    # embedded default): made on first use in ./secrets, readable by this user only; an earlier run kept them in ./data
    mkdir -p data secrets
    chmod 700 secrets
    for kept in household-index-secret key-encryption-keyset.json document-seal-keyset.json \
            database-command-password database-query-password database-auditor-password; do
        if [ -e "data/$kept" ] && [ ! -e "secrets/$kept" ]; then
            mv "data/$kept" "secrets/$kept"
        fi
    done
    # the household register's secret: one per installation
    if [ -z "${ORDINATEURS_PERSONAL_DATA_HOUSEHOLD_INDEX_SECRET:-}" ]; then
        [ -s secrets/household-index-secret ] || (umask 077 && head -c 32 /dev/urandom | base64 > secrets/household-index-secret)
        ORDINATEURS_PERSONAL_DATA_HOUSEHOLD_INDEX_SECRET=$(cat secrets/household-index-secret)
        export ORDINATEURS_PERSONAL_DATA_HOUSEHOLD_INDEX_SECRET
    fi
    # the key-encryption key that wraps every person's key
    if [ -z "${ORDINATEURS_PERSONAL_DATA_KEY_ENCRYPTION_KEYSET:-}" ]; then
        export ORDINATEURS_PERSONAL_DATA_KEY_ENCRYPTION_KEYSET_FILE=${ORDINATEURS_PERSONAL_DATA_KEY_ENCRYPTION_KEYSET_FILE:-secrets/key-encryption-keyset.json}
    fi
    # the seal of every document the query side issues
    if [ -z "${ORDINATEURS_DOCUMENTS_SEAL_KEYSET:-}" ]; then
        export ORDINATEURS_DOCUMENTS_SEAL_KEYSET_FILE=${ORDINATEURS_DOCUMENTS_SEAL_KEYSET_FILE:-secrets/document-seal-keyset.json}
    fi
    # the first account's password (admin), needed at the first start: made on first use and kept beside the data
    if [ -z "${ORDINATEURS_ADMIN_PASSWORD:-}" ]; then
        [ -s data/admin-password ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' > data/admin-password)
        ORDINATEURS_ADMIN_PASSWORD=$(cat data/admin-password)
        export ORDINATEURS_ADMIN_PASSWORD
    fi
    database=${SPRING_DATASOURCE_URL##*/}
    database=${database%%\?*}
    server=${SPRING_DATASOURCE_URL#jdbc:}
    server=${server%/*}
    # a new database gets one role per app (docs/security.md, "Database roles"), made as SPRING_DATASOURCE_USERNAME
    # with deploy/postgres/roles.sql; their passwords are kept with the other secrets
    if command -v psql >/dev/null && [ -z "$(psql "$server/postgres" -U "$SPRING_DATASOURCE_USERNAME" -tAc \
            "select 1 from pg_database where datname = '$database'")" ]; then
        echo "creating database $database and its roles ${database}_command, _query and _auditor"
        for role in command query auditor; do
            [ -s "secrets/database-$role-password" ] ||
                (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "secrets/database-$role-password")
        done
        psql "$server/postgres" -U "$SPRING_DATASOURCE_USERNAME" --quiet -v database="$database" \
            -v command_role="${database}_command" -v command_password="$(cat secrets/database-command-password)" \
            -v query_role="${database}_query" -v query_password="$(cat secrets/database-query-password)" \
            -v auditor_role="${database}_auditor" -v auditor_password="$(cat secrets/database-auditor-password)" \
            -f deploy/postgres/roles.sql
    fi
    # a database made before the roles existed keeps one login for both apps
    if [ -s secrets/database-command-password ]; then
        command_database=(SPRING_DATASOURCE_USERNAME="${database}_command"
            SPRING_DATASOURCE_PASSWORD="$(cat secrets/database-command-password)"
            ORDINATEURS_DATABASE_QUERY_SIDE_ROLE="${database}_query" ORDINATEURS_DATABASE_AUDITOR_ROLE="${database}_auditor")
        query_database=(SPRING_DATASOURCE_USERNAME="${database}_query"
            SPRING_DATASOURCE_PASSWORD="$(cat secrets/database-query-password)"
            ORDINATEURS_DATABASE_AUDITOR_ROLE="${database}_auditor")
    fi
fi

echo "building both apps (the first build downloads Maven and the libraries: a few minutes)..."
./mvnw -q -DskipTests package

mkdir -p data/logs
pids=()
# the apps stop in the reverse order of their start, each waited for: the query side finishes its last batch
# while the command side, which serves the embedded database file to it (H2's AUTO_SERVER), still runs
stop() {
    if [ ${#pids[@]} -gt 0 ]; then
        echo "stopping..."
        for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
            kill "${pids[$i]}" 2>/dev/null || true
            wait "${pids[$i]}" 2>/dev/null || true
        done
        pids=()
    fi
    if [ "$(cat data/run.pid 2>/dev/null)" = "$$" ]; then
        rm -f data/run.pid
    fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() { # name port health-path extra-args...
    local name=$1 port=$2 health=$3
    shift 3
    echo "starting the $name on port $port (log: data/logs/$name.log)..."
    local database=()
    if [ "$name" = command-side ]; then
        database=(${command_database[@]+"${command_database[@]}"})
    else
        database=(${query_database[@]+"${query_database[@]}"})
    fi
    # ${a[@]+"${a[@]}"}: an empty array under set -u, also on the bash 3.2 that macOS ships; the database login goes
    # in the process's environment, which only its user can read, not on its command line
    local jar="$name/target/$name-$version-exec.jar" jvm=()
    [ "$name" = query-side ] && jvm=(@deploy/jvm/query-side.args) # its collector (the file says why)
    if [ "$name" = command-side ] && [ ${#demo_args[@]} -gt 0 ]; then
        jar="demo/target/demo-$version-exec.jar" # the command side with the demo generator beside it
    fi
    env ${database[@]+"${database[@]}"} java ${jvm[@]+"${jvm[@]}"} -jar "$jar" --server.port="$port" \
        ${profile_args[@]+"${profile_args[@]}"} ${1+"$@"} > "data/logs/$name.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    # as long as it lives, up to a quarter of an hour: on a busy machine the first start (and the demo's seeding,
    # which the command side does before it answers) took past two minutes, and giving up then killed it mid-way
    local waited
    for waited in $(seq 1 900); do
        if curl -fs --max-time 2 "http://localhost:$port$health" >/dev/null 2>&1; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "$name did not start; see data/logs/$name.log" >&2
            exit 1
        fi
        [ $((waited % 60)) -eq 0 ] && echo "$name is still starting ($waited s); see data/logs/$name.log"
        sleep 1
    done
    echo "$name did not answer within 15 minutes; see data/logs/$name.log" >&2
    exit 1
}

# the command side first: it owns the event store the query side reads; with --demo, it writes the demo accounts
# once its seeding is over
if [ ${#demo_args[@]} -gt 0 ]; then
    rm -f data/demo-accounts
fi
start command-side "$command_port" /actuator/health ${demo_args[@]+"${demo_args[@]}"}
# liveness: the query side is up even while a read model has parked events, which readiness reports
# it serves the pages, and passes their forms on to the command side (docs/architecture.md, "One address")
start query-side "$query_port" /actuator/health/liveness \
    --ordinateurs.web.command-side-url="http://127.0.0.1:$command_port"
# ready once its processors run (a few seconds after it answers): only a readiness that does not come is reported
ready=""
for _ in $(seq 1 30); do
    if curl -fs "http://localhost:$query_port/actuator/health/readiness" >/dev/null 2>&1; then
        ready=yes
        break
    fi
    sleep 1
done
if [ -z "$ready" ]; then
    echo "the query side is not ready (events parked, or a processor stopped): see" \
        "http://localhost:$query_port/actuator/health/readiness and /api/dead-letters" >&2
fi

demo_accounts=""
if [ ${#demo_args[@]} -gt 0 ]; then
    echo "Seeding the demo programme through the command API (a minute or two on the first run)..."
    for _ in $(seq 1 600); do
        [ -s data/demo-accounts ] && break
        sleep 1
    done
    # the command side has recorded the demo; the pages show it once the read models have taken it in
    if [ -s data/demo-accounts ] && [ -s data/admin-password ]; then
        echo "Waiting for the read models to take in the demo data..."
        for _ in $(seq 1 300); do
            readiness=$(curl -s -u "admin:$(cat data/admin-password)" \
                "http://localhost:$query_port/actuator/health/readiness" || true)
            case "$readiness" in
                *'"caughtUp":false'*|'') sleep 1 ;;
                *) break ;;
            esac
        done
    fi
    if [ -s data/demo-accounts ]; then
        demo_accounts=$(printf '\n  demo accounts (demo data only; new passwords at each start, in data/demo-accounts):\n%s' \
            "$(sed 's/^/                /' data/demo-accounts)")
    else
        echo "the demo data is not seeded yet: see data/logs/command-side.log" >&2
    fi
fi

if [ ! -s data/admin-password ]; then
    sign_in="admin, with the password ORDINATEURS_ADMIN_PASSWORD gave at the first start"
elif [ "$new_admin_password" = yes ]; then
    sign_in="admin, password $(cat data/admin-password) (kept in data/admin-password, readable by you only)"
else
    sign_in="admin (its first password is in data/admin-password)"
fi
cat <<INFO

Ordinateurs solidaires is running ($([ ${#profile_args[@]} -gt 0 ] && echo "PostgreSQL: $SPRING_DATASOURCE_URL" || echo "embedded database: data/"))
  pages         http://localhost:$query_port/  (every role signs in there: docs/pages.md)
  command API   http://localhost:$command_port/swagger-ui.html
  query API     http://localhost:$query_port/swagger-ui.html
  inventory     http://localhost:$query_port/api/devices
  metrics       http://localhost:$command_port/actuator/prometheus  http://localhost:$query_port/actuator/prometheus
  read models   http://localhost:$query_port/actuator/health/readiness  http://localhost:$query_port/api/dead-letters
  logs          data/logs/
  sign in as    $sign_in
                (open more accounts at http://localhost:$query_port/comptes, or at /api/accounts: docs/security.md)$demo_accounts
Press Ctrl-C to stop both.
INFO
# one app stopping on its own (killed, out of memory) stops the other: half of the service would answer as if whole
while kill -0 "${pids[0]}" 2>/dev/null && kill -0 "${pids[1]}" 2>/dev/null; do
    sleep 1
done
stopped=$(kill -0 "${pids[0]}" 2>/dev/null && echo query-side || echo command-side)
echo "the $stopped stopped on its own (see data/logs/$stopped.log): stopping the other" >&2
exit 1
