# shellcheck shell=bash
# Sourced by the scripts under scripts/: finds the repository, Java and meshlab's runnable jar
# (building it once when it is missing) and runs a meshlab command. Defines:
#   GRAYCHAIN_ROOT           the repository root (exported as GRAYCHAIN_REPO for meshlab)
#   graychain_die MSG        "<script>: MSG" on stderr, exit 1
#   graychain_require CMD W  exit 1 unless CMD is on the PATH (W says what it is for)
#   graychain_jar MODULE     the module's runnable jar in its build folder, or nothing
#   graychain_build MODULE.. builds the runnable jars that are missing (one Maven run)
#   meshlab ARGS...          runs meshlab's command line (java -jar meshlab-*-exec.jar ARGS...)
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
  local java
  java="$(graychain_java)"
  if [[ -n "${GRAYCHAIN_MESHLAB_CLASSPATH:-}" ]]; then
    "$java" -cp "$GRAYCHAIN_MESHLAB_CLASSPATH" io.graychain.meshlab.cli.Meshlab "$@"
    return
  fi
  graychain_build meshlab
  "$java" -jar "$(graychain_jar meshlab)" "$@"
}
