#!/usr/bin/env bash
# Benchmark of the publish path: a ~1 GiB wheel (or the size given) published to a loopback sink, compared with
# hashing the file alone, under a 256 MiB heap.
#
# Usage: src/test/benchmark/run-publish-benchmark.sh [size] [--runs=N] [--dir=DIR] [--delete]
#            [--raw-baseline] [--digest-breakdown] [--upload-variants=SPEC] [--files=N] [--throttle=BYTES_PER_S]
#   size: bytes or with a k/m/g suffix (binary units), default 1g; e.g. 64m, 256m, 1g
#   --runs=N: best of N runs (default 3); runs while other processes are busy are rejected and repeated
#   --dir=DIR: where the wheel is created (default: java.io.tmpdir), under DIR/pypi-publish-bench-<bytes>/
#   --delete: remove the generated wheel afterwards (it is kept, and reused, otherwise)
#   --raw-baseline, --digest-breakdown, --upload-variants: diagnostics, see PublishBenchmark's Javadoc
#   --files=N: N wheels of that size (distinct tags, under DIR/pypi-publish-bench-<N>x<bytes>/) published in one
#     run with pypi.parallelUploads 4 (-Dbench.parallelUploads=K in BENCH_JAVA_OPTS for another); the baseline is
#     the digests of all N one after the other; prints the same rows, the heap at its highest moment, after GCs
#     and live with the uploads in flight (full GC), and a RESULT_MANY line,
#     e.g. src/test/benchmark/run-publish-benchmark.sh 50m --files=20 --runs=2
#   --throttle=BYTES_PER_S: the sink reads each upload connection at most that fast (default: unthrottled), so that
#     parallel uploads overlap as on a link whose every TCP stream is capped, e.g. --throttle=50000000
#
#        src/test/benchmark/run-publish-benchmark.sh --processes [--runs=N] [--dir=DIR] [--scenarios=big,small,many]
#            [--big-size=1g] [--many=20x50m] [--throttle=50000000] [--twine=PATH|none]
#   Whole processes, paired and alternating: `mvn deploy`, `mvn -Dpypi.skip=true deploy` and `twine upload` (where
#   twine is installed: apt-get install twine) against a loopback sink, for a 1 GiB wheel, a small release (a wheel
#   and an sdist of a few KiB) and 20 x 50 MiB wheels read at most 50 MB/s per connection (with
#   pypi.parallelUploads 4 and 1); prints every run, the medians and issue 12's ratios. The plugin is built and
#   installed into target/bench-repo (the user's ~/.m2 is only read). See ProcessBenchmark. The sink reads any
#   field order, as PyPI does: the plugin runs with -Dpypi.hashWhileUploading=true (PyPI's default), and the 1 GiB
#   wheel also with =false (twine's order, the default for other indexes).
# Environment: BENCH_HASH_WHILE_UPLOADING=false (in-process benchmark: twine's field order), JAVA (default: java),
#   BENCH_JAVA_OPTS (extra JVM options, e.g. -Xmx32m, which overrides -Xmx256m),
#   BENCH_SKIP_BUILD=1 (reuse target/ as built by an earlier run).
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [[ "${1:-}" == --processes ]]; then
    shift
    repo="$PWD/target/bench-repo"
    tail_repo="${HOME}/.m2/repository"
    version="$(sed -n 's#^  <version>\(.*\)</version>$#\1#p' pom.xml | head -1)"
    if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f target/bench.cp ]]; then
        ./mvnw -B -q package -DskipTests -Dinvoker.skip=true
        ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
        ./mvnw -B -q install:install-file -Dfile="target/pypi-maven-plugin-$version.jar" -DpomFile=pom.xml \
            -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$tail_repo"
    fi
    # shellcheck disable=SC2086
    exec "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} \
        -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
        io.github.yogs0ddhoth.pypi.benchmark.ProcessBenchmark --mvn="$PWD/mvnw" --plugin-version="$version" \
        --mvn-arg=-Dmaven.repo.local="$repo" --mvn-arg=-Dmaven.repo.local.tail="$tail_repo" "$@"
fi

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f target/bench.cp ]]; then
    ./mvnw -B -q test-compile -Dinvoker.skip=true
    ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi

# shellcheck disable=SC2086
exec "${JAVA:-java}" -Xmx256m ${BENCH_JAVA_OPTS:-} \
    -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
    io.github.yogs0ddhoth.pypi.benchmark.PublishBenchmark "$@"
