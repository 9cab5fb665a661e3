"""Linting files: the one entry point that the command line, and everything else that
lints, calls alike. It sits on the documents, analysis, rules and config layers and
knows nothing of how results are shown."""
