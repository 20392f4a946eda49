#!/usr/bin/env bash
# Heap retained per signed-in session, per screen (docs/benchmarks/session-memory.md).
# Usage: docs/benchmarks/session-memory.sh <pid of the running app> [base url] [N]
# The app must run with the demo organization (RUNGS_DATA_DIR=... PORT=... java -jar target/rungs-*.jar).
set -euo pipefail
PID=$1
BASE=${2:-http://localhost:8183}
N=${3:-200}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
BENCH=$(dirname "$0")/../../src/test/java/app/rungs/benchmark/SessionMemoryBenchmark.java
ENGINEER=lena.fischer@rungs.demo
MANAGER=daniel.okafor@rungs.demo
DIRECTOR=priya.natarajan@rungs.demo
PERSON=${RUNGS_BENCH_PERSON:-4}
BOARD=${RUNGS_BENCH_BOARD:-202}
BOARD_PUBLISHED=${RUNGS_BENCH_BOARD_PUBLISHED:-1}
uptime
# Compiled once (a plain JDK program, no dependencies); -Dhistogram=true via RUNGS_BENCH_OPTS prints the classes
# that grew most per session.
CLASSES=$(mktemp -d)
"${JAVA%/java}/javac" -d "$CLASSES" "$BENCH"
run() { "$JAVA" ${RUNGS_BENCH_OPTS:-} -cp "$CLASSES" app.rungs.benchmark.SessionMemoryBenchmark "$BASE" "$PID" "$@"; }
run "$ENGINEER" "" "$N" "next-level"
run "$ENGINEER" my-evidence "$N" "evidence-status-counts"
run "$ENGINEER" coverage "$N" "coverage-level"
run "$MANAGER" review "$N" "review-waiting"
run "$MANAGER" people "$N" "people-grid"
run "$MANAGER" "people/$PERSON" "$N" "Lena Fischer"
run "$DIRECTOR" "calibration/$BOARD" "$N" "Viewing now"
run "$DIRECTOR" "calibration/$BOARD_PUBLISHED" "$N" "Viewing now"
uptime
