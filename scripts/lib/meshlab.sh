# shellcheck shell=bash
# Sourced by the scripts under scripts/: finds the repository, Java and meshlab's runnable jar
# (building it once when it is missing) and runs a meshlab command. Defines:
#   GRAYCHAIN_ROOT           the repository root (exported as GRAYCHAIN_REPO for meshlab)
#   graychain_die MSG        "<script>: MSG" on stderr, exit 1
#   graychain_require CMD W  exit 1 unless CMD is on the PATH (W says what it is for)
#   graychain_jar MODULE     the module's runnable jar in its build folder, or nothing
#   graychain_build MODULE.. builds the runnable jars that are missing (one Maven run)
#   graychain_services       the service modules: those with a Spring Boot application class
#   meshlab ARGS...          runs meshlab's command line (its jar and target/lib/, with a class archive)
# The build folder is GRAYCHAIN_BUILD_DIR (default target); Java is $JAVA_HOME/bin/java, else java
# on the PATH. GRAYCHAIN_MESHLAB_CLASSPATH runs meshlab from that class path instead of its jar
# (the script tests of repo-checks run the scripts on the classes they test, before there is a jar).

GRAYCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GRAYCHAIN_BUILD_DIR="${GRAYCHAIN_BUILD_DIR:-target}"
export GRAYCHAIN_REPO="${GRAYCHAIN_REPO:-$GRAYCHAIN_ROOT}"

graychain_die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

graychain_require() {
  command -v "$1" >/dev/null 2>&1 || graychain_die "$1 is required ($2)"
}

graychain_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    graychain_require java "a JDK 17 or newer; or set JAVA_HOME"
    echo java
  fi
}

graychain_jar() {
  compgen -G "$GRAYCHAIN_ROOT/$1/$GRAYCHAIN_BUILD_DIR/$1-*-exec.jar" | head -n 1 || true
}

graychain_services() {
  local app
  for app in "$GRAYCHAIN_ROOT"/*/src/main/java/io/graychain/*/*Application.java; do
    [[ -f "$app" ]] && echo "${app#"$GRAYCHAIN_ROOT"/}" | cut -d / -f 1
  done | sort -u
}

graychain_build() {
  local missing=() module
  for module in "$@"; do
    [[ -n "$(graychain_jar "$module")" ]] || missing+=("$module")
  done
  if ((${#missing[@]} > 0)); then
    echo "$(basename "$0"): building ${missing[*]} (once; ./mvnw package)" >&2
    (cd "$GRAYCHAIN_ROOT" && ./mvnw -q -B -ntp -DskipTests "-Dgraychain.build.dir=$GRAYCHAIN_BUILD_DIR" package \
      -pl "$(IFS=,; echo "${missing[*]}")" -am) >&2
  fi
}

meshlab() {
  local java flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) jar plain lib archive dump="" status=0
  java="$(graychain_java)"
  # A command line's JVM lives for a second or a few: C1 alone starts it sooner (issue 15). The load
  # generator of `bench` keeps both compilers and no class archive (it would be made under other
  # flags); the lab's daemon is started with its own flags.
  if [[ "${1:-}" == bench ]]; then
    flags=()
  fi
  if [[ -n "${GRAYCHAIN_MESHLAB_CLASSPATH:-}" ]]; then
    "$java" "${flags[@]}" -cp "$GRAYCHAIN_MESHLAB_CLASSPATH" io.graychain.meshlab.cli.Meshlab "$@"
    return
  fi
  graychain_build meshlab
  jar="$(graychain_jar meshlab)"
  plain="${jar%-exec.jar}.jar"
  lib="$(dirname "$jar")/lib"
  if [[ ! -f "$plain" || ! -d "$lib" ]]; then
    "$java" "${flags[@]}" -jar "$jar" "$@"
    return
  fi
  # The runnable jar's classes as plain jars (meshlab's jar and lib/, which the build empties and
  # fills), with a class-data-sharing archive that the first run after a build makes, one per JDK.
  # The JVM's warnings go to stderr, never into a command's output, and none about the archive
  # (picocli's classes, Java 5 bytecode, are never archived; an archive it cannot use is skipped):
  # it is only ever a speed-up, and a folder it cannot be written to only goes without it.
  archive="$(dirname "$jar")/class-archives/meshlab-$(cksum <"$(graychain_jdk_release "$java")" | cut -d ' ' -f 1).jsa"
  if [[ "${1:-}" == bench ]]; then
    :
  elif [[ -f "$archive" && -z "$(find "$plain" "$lib" -newer "$archive" -print -quit)" ]]; then
    flags+=("-XX:SharedArchiveFile=$archive")
  elif mkdir -p "$(dirname "$archive")" 2>/dev/null && [[ -w "$(dirname "$archive")" ]]; then
    dump="$archive.$BASHPID"
    rm -f "$dump"
    flags+=("-XX:ArchiveClassesAtExit=$dump")
  fi
  "$java" "${flags[@]}" -Xlog:disable -Xlog:all=warning:stderr '-Xlog:cds*=off:stderr' -cp "$plain:$lib/*" \
    io.graychain.meshlab.cli.Meshlab "$@" || status=$?
  if [[ -n "$dump" && -f "$dump" ]]; then
    mv -f "$dump" "$archive"
  fi
  return "$status"
}

# graychain_jdk_release JAVA: the release file of JAVA's JDK (its version and build), or /dev/null.
graychain_jdk_release() {
  local path
  path="$(readlink -f "$(command -v "$1")")"
  if [[ -f "${path%/bin/java}/release" ]]; then
    echo "${path%/bin/java}/release"
  else
    echo /dev/null
  fi
}
