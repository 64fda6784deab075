#!/usr/bin/env bash
# Writes the organisation registry's bodies into the Modeler element templates
# (.camunda/element-templates): body fields become dropdowns of the bodies in force today.
# Usage: scripts/generate-templates.sh [registry.yaml]   (default: the demo province's registry)
# Running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
registry="${1:-}"
if [[ -n "$registry" ]]; then
  registry="$(cd "$(dirname "$registry")" && pwd)/$(basename "$registry")"
fi
./mvnw -B -q test -Dtest=TemplateBodiesTest#theCommittedTemplatesAreWhatTheRegistryGenerates \
  -Dtemplates.write=true -Dtemplates.registry="$registry" -Dbpmnlint.skip=true
git status --short .camunda/element-templates
