#!/usr/bin/env bash
# Benchmark of the publish path: a ~1 GiB wheel (or the size given) published to a loopback sink, compared with
# hashing the file alone, under a 256 MiB heap.
#
# Usage: src/test/benchmark/run-publish-benchmark.sh [size] [--runs=N] [--dir=DIR] [--delete]
#            [--raw-baseline] [--digest-breakdown] [--upload-variants=SPEC]
#   size: bytes or with a k/m/g suffix (binary units), default 1g; e.g. 64m, 256m, 1g
#   --runs=N: best of N runs (default 3); runs while other processes are busy are rejected and repeated
#   --dir=DIR: where the wheel is created (default: java.io.tmpdir), under DIR/pypi-publish-bench-<bytes>/
#   --delete: remove the generated wheel afterwards (it is kept, and reused, otherwise)
#   --raw-baseline, --digest-breakdown, --upload-variants: diagnostics, see PublishBenchmark's Javadoc
# Environment: JAVA (default: java), BENCH_JAVA_OPTS (extra JVM options, e.g. -Xmx32m, which overrides -Xmx256m),
#   BENCH_SKIP_BUILD=1 (reuse target/ as built by an earlier run).
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f target/bench.cp ]]; then
    ./mvnw -B -q test-compile -Dinvoker.skip=true
    ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi

# shellcheck disable=SC2086
exec "${JAVA:-java}" -Xmx256m ${BENCH_JAVA_OPTS:-} \
    -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
    io.github.yogs0ddhoth.pypi.benchmark.PublishBenchmark "$@"
