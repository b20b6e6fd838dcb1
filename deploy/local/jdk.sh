# Sourced by .ci/run, ./stack and bench/run: the build, the tests and the services run on a JDK of 25 or later.
# Keeps a JAVA_HOME (or a java on the PATH) that already is one; otherwise takes one from /usr/lib/jvm.
jdk_is_recent() { "$1/bin/java" -version 2>&1 | head -1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; }

select_jdk() {
  local home=
  if [[ -n ${JAVA_HOME:-} ]] && jdk_is_recent "$JAVA_HOME"; then
    home=$JAVA_HOME
  elif command -v java >/dev/null && jdk_is_recent "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    for candidate in /usr/lib/jvm/*; do
      if [[ -x $candidate/bin/javac ]] && jdk_is_recent "$candidate"; then home=$candidate; break; fi
    done
  fi
  if [[ -z $home ]]; then
    echo "a JDK 25 is required (e.g. Temurin 25); set JAVA_HOME to it" >&2
    return 1
  fi
  export JAVA_HOME=$home
  export PATH="$JAVA_HOME/bin:$PATH"
}
