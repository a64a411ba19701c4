#!/usr/bin/env bash
# Refresh frontdesk_en.ts from the source: new and changed strings are added, vanished ones marked obsolete.
# Then translate every new or unfinished entry (tests/unit/test_translations.py fails until you have).
#
#   bash resources/translations/update.sh                  # the committed frontdesk_en.ts
#   TS=/tmp/check.ts bash resources/translations/update.sh -silent -locations none
#
# Extra arguments go to pyside6-lupdate; LUPDATE names another lupdate than the one in .venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
LUPDATE="${LUPDATE:-.venv/bin/pyside6-lupdate}"
TS="${TS:-resources/translations/frontdesk_en.ts}"
mapfile -t SOURCES < <(git ls-files -co --exclude-standard 'frontdesk/*.py')
# frontdesk.errors.T("context", "…") is read as QT_TRANSLATE_NOOP, the marker of code that has no Qt
exec "$LUPDATE" -tr-function-alias QT_TRANSLATE_NOOP+=T "$@" "${SOURCES[@]}" \
    -ts "$TS" -source-language zh_CN -target-language en
