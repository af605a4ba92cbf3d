#!/usr/bin/env bash
# Java for the Spark tests (tests/unit/batch/test_spark.py, marker `spark`): installs Debian's
# default-jre-headless when no `java` is on PATH. Idempotent; run as root (.ci/run does).
# PySpark 4 needs Java 17 or newer; Debian 12's default-jre-headless is OpenJDK 17.
set -euo pipefail

if command -v java >/dev/null 2>&1; then
    echo "setup_java: $(java -version 2>&1 | head -n 1) already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup_java: no java and no apt-get; install a Java 17+ runtime by hand" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup_java: must run as root to install default-jre-headless" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# the JRE's postinst wants this man folder, which slim images delete
mkdir -p /usr/share/man/man1
apt-get update -qq
apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
echo "setup_java: installed $(java -version 2>&1 | head -n 1)"
