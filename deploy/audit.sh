#!/usr/bin/env bash
# The auditor's replay from the command line: every stored event checked against the erasure rules and the
# history chain, straight from the database (give it a login that may only read). Builds the query side's jar
# first if it is not there.
#   deploy/audit.sh --url jdbc:postgresql://127.0.0.1:5432/ordinateurs_solidaires --user auditor \
#       [--published POSITION:SHA256] [--policy MEDIA_TYPE=LEVEL/TECHNIQUE/VERIFICATION,...] [--json report.json]
#   deploy/audit.sh --url "jdbc:h2:file:./data/ordinateurs-solidaires;AUTO_SERVER=TRUE;IFEXISTS=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" --user sa
#                                                                     (the embedded default, from the project's folder)
# Password: ORDINATEURS_AUDIT_PASSWORD. Exit code: 0 clean, 1 erasure rules broken, 2 history altered (or the
# published link does not match), 64 wrong command line, 70 the check could not run. See docs/erasure-audit.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd) # the caller's folder stays the current one: --json and H2 paths are theirs
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)
jar=$root/query-side/target/query-side-$version-exec.jar
if [ ! -f "$jar" ]; then
    echo "building the query side..." >&2
    (cd "$root" && ./mvnw -q -DskipTests -pl query-side -am package) >&2 || exit 70
fi
exec java @"$root/deploy/jvm/query-side.args" -Dloader.main=org.ordinateurssolidaires.query.audit.AuditCommand -jar "$jar" "$@"
