#!/usr/bin/env bash
# The GitHub Action's work (action.yml), runnable on its own: lint the content files
# changed since a base ref, write SARIF, print the findings to the log, and exit with
# newslint's exit code.
#
# Environment:
#   NEWSLINT_BASE     the ref to compare with (required), e.g. origin/main
#   NEWSLINT_PATHS    globs of the files to lint, git pathspec globs separated by
#                     spaces or new lines (default: Markdown, plain text and HTML)
#   NEWSLINT_FAIL_ON  error, warning or info (newslint's --fail-on), or never
#   NEWSLINT_ARGS     more newslint options, separated by spaces
#   NEWSLINT_SARIF    where to write the SARIF log (default: newslint.sarif)
#   NEWSLINT          the newslint command (default: newslint)
#   GITHUB_OUTPUT     if set, gets sarif=FILE and files=N (how many files were linted)
set -euo pipefail

base="${NEWSLINT_BASE:?set NEWSLINT_BASE to the ref to compare with}"
fail_on="${NEWSLINT_FAIL_ON:-warning}"
sarif="${NEWSLINT_SARIF:-newslint.sarif}"
newslint="${NEWSLINT:-newslint}"
patterns="${NEWSLINT_PATHS:-**/*.md **/*.markdown **/*.txt **/*.html **/*.htm}"

set -f # the globs are git's to match, not the shell's
read -r -d '' -a globs <<<"$patterns" || true
read -r -a extra <<<"${NEWSLINT_ARGS:-}" || true
set +f

case "$fail_on" in
  error | warning | info) gate=(--fail-on "$fail_on") ;;
  never) gate=(--exit-zero) ;;
  *)
    echo "error: fail-on must be error, warning, info or never, not '$fail_on'" >&2
    exit 2
    ;;
esac

cd "$(git rev-parse --show-toplevel)"
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  echo "error: base ref '$base' not found; fetch it (actions/checkout with fetch-depth: 0)" >&2
  exit 2
fi

pathspecs=()
for glob in "${globs[@]}"; do
  if [[ "$glob" == :* ]]; then pathspecs+=("$glob"); else pathspecs+=(":(glob)$glob"); fi
done
# Added, copied, modified or renamed since the branch left the base: what the pull
# request changes, not what the base has gained since.
mapfile -d '' files < <(
  git diff --name-only -z --diff-filter=ACMR "$base...HEAD" -- "${pathspecs[@]}"
)

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "sarif=$sarif"
    echo "files=${#files[@]}"
  } >>"$GITHUB_OUTPUT"
fi

if ((${#files[@]} == 0)); then
  echo "newslint: no changed files match: ${globs[*]}"
  # An empty log still, so that code scanning sees this run as clean.
  "$newslint" --format sarif --quiet --output-file "$sarif" - </dev/null
  exit 0
fi

echo "newslint: linting ${#files[@]} changed file(s):"
printf '  %s\n' "${files[@]}"
status=0
"$newslint" --format sarif --output-file "$sarif" "${gate[@]}" "${extra[@]}" -- "${files[@]}" ||
  status=$?
# The findings again as text for the log: the cache makes this second run cheap.
"$newslint" --format text --exit-zero "${extra[@]}" -- "${files[@]}" 2>/dev/null || true
exit "$status"
