#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks/startup.md): seconds from `exec java` until GET /login answers 200 with the
# login page, N runs, median; plus the CPU time (user+sys) the JVM used until then, which is less sensitive to other
# processes on a shared machine than the wall clock.
#
#   docs/benchmarks/startup.sh [-n RUNS] [-p PORT] [-d DATA_DIR] [--fresh] [--label TEXT] [-- JVM/APP ARGS...]
#
# Uses target/rungs-*.jar (build it first: ./mvnw -DskipTests package), or $STARTUP_CMD when set, e.g.
#   STARTUP_CMD="cd target/app && exec java -XX:AOTCache=rungs.aot -jar rungs.jar" docs/benchmarks/startup.sh
# (a bash command line; it must exec the JVM so that its process id is the one measured; arguments after -- are
# appended to it)
# --fresh deletes the data directory before every run (the first start: initdb, all migrations, demo seeding);
# without it the first run creates the data and is not counted (the normal case is a restart with existing data).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
port=8184
data_dir=/tmp/boot-data
fresh=false
label=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) runs="$2"; shift 2 ;;
        -p) port="$2"; shift 2 ;;
        -d) data_dir="$2"; shift 2 ;;
        --fresh) fresh=true; shift ;;
        --label) label="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
extra_args=("$@")

java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar=$(ls target/rungs-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [[ -z "${STARTUP_CMD:-}" && -z "$jar" ]]; then
    echo "no target/rungs-*.jar: run ./mvnw -DskipTests package first" >&2
    exit 2
fi
log_dir=$(mktemp -d /tmp/startup-bench.XXXXXX)

clk_tck=$(getconf CLK_TCK)
# CPU seconds (user+sys) of a process and its waited-for children (initdb, pg_ctl) from /proc/<pid>/stat.
cpu_seconds() {
    awk -v t="$clk_tck" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / t }' "/proc/$1/stat"
}

one_run() {
    local i=$1 log="$log_dir/run-$1.log"
    if $fresh; then rm -rf "$data_dir"; fi
    local start end pid
    start=$(date +%s.%N)
    if [[ -n "${STARTUP_CMD:-}" ]]; then
        RUNGS_DATA_DIR="$data_dir" PORT="$port" setsid bash -c "$STARTUP_CMD \"\$@\"" startup "${extra_args[@]}" \
            >"$log" 2>&1 &
    else
        RUNGS_DATA_DIR="$data_dir" PORT="$port" setsid "$java_bin" "${extra_args[@]}" -jar "$jar" >"$log" 2>&1 &
    fi
    pid=$!
    local ok=false
    for _ in $(seq 1 1200); do
        if curl -s -m 2 "http://127.0.0.1:$port/login" 2>/dev/null | grep -qi '<html'; then
            code=$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$port/login" || true)
            if [[ "$code" == 200 ]]; then ok=true; break; fi
        fi
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        sleep 0.05
    done
    end=$(date +%s.%N)
    local cpu="n/a" classes="?"
    if kill -0 "$pid" 2>/dev/null; then
        cpu=$(cpu_seconds "$pid")
        # classes loaded so far, and how many of them came from the CDS archive / AOT cache
        classes=$("${java_bin%/java}/jcmd" "$pid" PerfCounter.print 2>/dev/null \
            | awk -F= '/java.cls.loadedClasses=/ { l = $2 } /java.cls.sharedLoadedClasses=/ { s = $2 }
                       END { printf "%s/%s", l, s }' || true)
    fi
    local spring
    spring=$(grep -o 'Started Application in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1 || true)
    # Stop the JVM gracefully (it stops its embedded PostgreSQL), then anything left in its process group.
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    kill -TERM -- "-$pid" 2>/dev/null || true
    if ! $ok; then
        echo "run $i: the login page did not come up, see $log" >&2
        return 1
    fi
    printf '%s %s %s %s\n' "$(echo "$end - $start" | bc -l | xargs printf '%.2f')" "$cpu" "${spring:-?}" "$classes"
}

if ! $fresh && [[ ! -d "$data_dir" ]]; then
    echo "creating the data directory $data_dir with one uncounted first start..." >&2
    echo "first start (uncounted): $(one_run 0)" >&2
fi

results=()
for i in $(seq 1 "$runs"); do
    r=$(one_run "$i")
    echo "run $i: wall ${r%% *} s, cpu $(echo "$r" | cut -d' ' -f2) s, spring 'Started in' $(echo "$r" | cut -d' ' -f3) s, classes loaded from jars/from the archive or cache $(echo "$r" | cut -d' ' -f4) (load: $(cut -d' ' -f1 /proc/loadavg))" >&2
    results+=("$r")
done
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
wall=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
cpu=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
spring=$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)
echo "${label:+$label: }median of $runs: login page after $wall s wall, $cpu s CPU (user+sys); Spring 'Started in' $spring s; $(uptime | sed 's/.*load/load/') ; logs in $log_dir"
