#!/usr/bin/env bash
# Lints the OpenAPI document the server serves with an independent linter: Redocly CLI's
# `recommended` rules (configured in redocly.yaml). Any error fails; warnings are printed.
# The document is written by OpenApiDocumentTest (target/openapi.json), so run the tests first;
# .ci/run calls this right after the H2 verify. Usage: .ci/openapi-lint.sh [spec-file]
set -euo pipefail
cd "$(dirname "$0")/.."

spec="${1:-target/openapi.json}"
version=2.77.0
prefix=.ci/.npm
redocly="$prefix/node_modules/.bin/redocly"

if [ ! -f "$spec" ]; then
  echo "openapi-lint: $spec is missing; it is written by OpenApiDocumentTest (./mvnw test -Dtest=OpenApiDocumentTest)" >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "== Installing Node.js and npm for the OpenAPI lint"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x "$redocly" ] || [ "$("$redocly" --version 2>/dev/null)" != "$version" ]; then
  echo "== Installing @redocly/cli@$version into $prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --silent "@redocly/cli@$version"
fi

echo "== Linting $spec with Redocly CLI $version (recommended rules)"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$redocly" lint --config redocly.yaml --format=stylish "$spec"
