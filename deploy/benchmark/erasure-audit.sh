#!/usr/bin/env bash
# Speed of the auditor's replay (HistoryAudit) on a generated store of about ten events per device, with the raw
# PostgreSQL baseline (a plain JDBC read of the whole event table in order) measured in the same run.
#   deploy/benchmark/erasure-audit.sh [DEVICES=100000] [further Maven arguments]
# 100,000 devices make about 1,000,000 events. More warm audits than three: -Dbenchmark.audits=8 (the JIT compiler
# speeds the audit up through its fourth or fifth run).
# Needs a local PostgreSQL (127.0.0.1:5432, user postgres, or TEST_POSTGRES_URL/USER/PASSWORD); uses the database
# ordinateurs_audit_bench, dropped and re-created on each run. Builds and runs only the benchmark class
# (ErasureAuditBenchmark, which `./mvnw verify` never runs): no other test, nothing installed in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
devices=${1:-100000}
out=query-side/target/erasure-audit-benchmark.txt

mkdir -p query-side/target
./mvnw -q -pl query-side -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ErasureAuditBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.devices="$devices" "${@:2}" \
    | grep --line-buffered -v '^[0-9:.]* \[main\] INFO org.flywaydb' | tee "$out"
echo "== the summary is the last block above; the whole output is in $out"
