#!/usr/bin/env bash
# Builds Horizon's image without a registry:
#   docker/build-image.sh [TAG]        (default horizon:dev)
# 1. a Debian base (horizon-base:bookworm), made once with debootstrap and `docker import`;
# 2. Horizon's jar and libraries (built first when missing) and a Java runtime made with jlink;
# 3. `docker build` with docker/Dockerfile on a context holding only those (docker/target/image).
# Needs a running Docker engine, debootstrap, and a JDK >= 21 (found as ./horizon finds it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh

tag=${1:-horizon:dev}
base=horizon-base:bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if ! docker image inspect "$base" >/dev/null 2>&1; then
  echo "build-image: making $base with debootstrap from $mirror ..." >&2
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase bookworm "$root" "$mirror" >&2
  tar -C "$root" -c . | docker import - "$base" >/dev/null
fi

if [ ! -f app/target/horizon.jar ]; then
  ./mvnw -q -B -ntp install -DskipTests
fi

context=docker/target/image
rm -rf "$context"
mkdir -p "$context"
"$JAVA_HOME/bin/jlink" --output "$context/java" --strip-debug --no-header-files --no-man-pages \
  --add-modules java.se,jdk.httpserver,jdk.unsupported,jdk.management,jdk.jfr,jdk.zipfs,jdk.naming.dns,jdk.security.auth,jdk.security.jgss,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki
cp -r app/target/horizon.jar app/target/lib config samples "$context/"
docker build --quiet -t "$tag" -f docker/Dockerfile "$context" >/dev/null
echo "build-image: $tag" >&2
