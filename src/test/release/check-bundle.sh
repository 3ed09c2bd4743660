#!/usr/bin/env bash
# Builds the release profile as .github/workflows/release.yml does, signed with a throwaway key made here, uploads
# nothing, and checks the bundle Maven Central would receive: every file signed (and the signature good), .md5 and
# .sha1 beside each file and right, the main, sources and javadoc jars, and the POM elements Central requires.
#
#   src/test/release/check-bundle.sh [work-dir]     (default: target/release-check)
#
# Needs Java, git, gpg, unzip and python3 (for the loopback fake of the Central Portal); no network but Central.
#
# The build runs on a copy of the working tree with the version's -SNAPSHOT removed, since Central takes
# releases only; the unit tests and ITs are not run again (./mvnw -B verify runs them).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${1:-$root/target/release-check}"
fail() { echo "release check FAILED: $*" >&2; exit 1; }
for tool in gpg unzip git python3; do command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install gnupg unzip git)"; done

rm -rf "$work" && mkdir -p "$work"
# The working tree as it is (tracked and new files, not what .gitignore ignores), without target/.
(cd "$root" && git ls-files -z --cached --others --exclude-standard | grep -zv '^target/' | tar --null -cf - -T -) \
  | (mkdir -p "$work/src" && tar -xf - -C "$work/src")
snapshot="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$work/src/pom.xml" | head -1)"
version="${snapshot%-SNAPSHOT}"
[[ -n "$version" ]] || fail "no project version found in pom.xml"
sed -i.bak "0,/^  <version>${snapshot}<\/version>/s//  <version>${version}<\/version>/" "$work/src/pom.xml"

# A throwaway signing key, in a keyring that lives and dies with this run.
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
passphrase="release-check-$RANDOM$RANDOM"
gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" \
  --quick-gen-key "pypi-maven-plugin release check <release-check@example.invalid>" rsa3072 sign 1d
MAVEN_GPG_KEY="$(gpg --batch --quiet --pinentry-mode loopback --passphrase "$passphrase" --armor --export-secret-keys)"
MAVEN_GPG_PASSPHRASE="$passphrase"
export MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE

# The Central Portal is a loopback fake that keeps the upload (central-publishing-maven-plugin has no mode that
# bundles without uploading). Its server entry is a dummy; as global settings it keeps the user's own in force.
python3 "$root/src/test/release/fake-central.py" "$work/central.port" "$work/central-upload.bin" 2> "$work/fake-central.log" &
fake=$!
trap 'kill "$fake" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [[ -s "$work/central.port" ]] && break; sleep 0.2; done
[[ -s "$work/central.port" ]] || fail "the fake Central Portal did not start: $(cat "$work/fake-central.log")"
central="http://127.0.0.1:$(cat "$work/central.port")"
cat > "$work/settings.xml" <<'XML'
<settings>
  <servers>
    <server><id>central</id><username>release-check</username><password>not-a-token</password></server>
  </servers>
</settings>
XML

echo "Building the release profile of $version in $work/src, deploying to the fake Central Portal at $central"
# Not installed either: a fake release in ~/.m2, signed by a key that no longer exists, would shadow the real one.
(cd "$work/src" && ./mvnw -B -ntp -gs "$work/settings.xml" -Prelease deploy -DskipTests -Dinvoker.skip=true \
    -Dmaven.install.skip=true -DcentralBaseUrl="$central" -Dcentral.waitUntil=uploaded) \
  > "$work/build.log" 2>&1 || { tail -50 "$work/build.log"; fail "the release build failed; log: $work/build.log"; }
unset MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE

bundle="$work/src/target/central-publishing/central-bundle.zip"
[[ -f "$bundle" ]] || fail "no bundle at $bundle"
mkdir -p "$work/bundle" && unzip -q -o "$bundle" -d "$work/bundle"
dir="$work/bundle/io/github/yogs0ddhoth/pypi-maven-plugin/$version"
[[ -d "$dir" ]] || fail "the bundle has no $dir: $(cd "$work/bundle" && find . -type f | sort)"
base="pypi-maven-plugin-$version"

passed=0
failed=0
# expect WHAT COMMAND...: one check; COMMAND's exit status decides it.
expect() {
  local what="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAILED: $what" >&2; fi
}
good_signature() { [[ -f "$1.asc" ]] && gpg --batch --quiet --verify "$1.asc" "$1" 2>/dev/null; }
good_sum() { [[ -f "$1.$2" ]] && [[ "$(tr -d ' \r\n' < "$1.$2")" == "$("$2sum" "$1" | cut -d' ' -f1)" ]]; }
# Listings are read whole (no grep -q on a pipe, whose early exit would fail the pipe under pipefail).
has_entry() { [[ -f "$dir/$1" ]] && grep -qxF "$2" <<< "$(unzip -Z1 "$dir/$1")"; }
lacks() { ! grep -q -- "$1" "$2"; }
readable_jar() { unzip -tq "$1" >/dev/null 2>&1; }

for f in "$base.pom" "$base.jar" "$base-sources.jar" "$base-javadoc.jar"; do
  expect "$f is in the bundle" test -f "$dir/$f"
done
files=0
for f in "$dir"/*; do
  case "$f" in *.asc|*.md5|*.sha1|*.sha256|*.sha512) continue ;; esac
  name="$(basename "$f")"
  files=$((files + 1))
  expect "$name.asc is a good signature by the throwaway key" good_signature "$f"
  expect "$name.md5 is there and matches" good_sum "$f" md5
  expect "$name.sha1 is there and matches" good_sum "$f" sha1
done
for jar in "$base.jar" "$base-sources.jar" "$base-javadoc.jar"; do
  expect "$jar is a readable jar" readable_jar "$dir/$jar"
done
expect "$base.jar has the plugin descriptor" has_entry "$base.jar" 'META-INF/maven/plugin.xml'
expect "$base.jar has the classes" has_entry "$base.jar" 'io/github/yogs0ddhoth/pypi/Publisher.class'
expect "$base-sources.jar has the sources" has_entry "$base-sources.jar" 'io/github/yogs0ddhoth/pypi/Publisher.java'
expect "$base-javadoc.jar has the javadoc" has_entry "$base-javadoc.jar" 'index.html'

# What Central's validation requires of the POM (https://central.sonatype.org/publish/requirements/).
pom="$dir/$base.pom"
for element in '<groupId>io.github.yogs0ddhoth</groupId>' "<version>$version</version>" '<name>' '<description>' '<url>' \
               '<licenses>' '<license>' '<developers>' '<developer>' '<scm>' '<connection>' '<developerConnection>'; do
  expect "the POM has $element" grep -q -- "$element" "$pom"
done
expect "the POM names no -SNAPSHOT" lacks '-SNAPSHOT' "$pom"

# What the plugin sent the Portal: this very bundle, as a user-managed deployment (published by a person).
upload="$work/central-upload.bin"
expect "the fake Central Portal received the upload" test -f "$upload"
if [[ -f "$upload" ]]; then
  request="$(head -1 "$upload")"
  expect "the deployment is USER_MANAGED ($request)" test "${request/publishingType=USER_MANAGED/}" != "$request"
  expect "the uploaded bytes hold the bundle" python3 -c '
import sys
sent, bundle = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
sys.exit(0 if bundle in sent else 1)' "$upload" "$bundle"
fi
expect "nothing went to the real Portal" lacks 'central.sonatype.com' "$work/build.log"

echo "Checked $files files in $bundle, their signatures and checksums, the jars' contents, the POM and the upload"
echo "release: $passed passed, $failed failed"
((failed == 0)) || fail "$failed check(s) failed; build log: $work/build.log"
