"""``newslint server``: the Language Server Protocol server that brings newslint's
findings into editors. It lints each open Markdown or plain-text document in its own
process, with the config that applies to the document's path, and keeps the model warm
between edits."""
