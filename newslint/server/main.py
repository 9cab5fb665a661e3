"""``newslint server``: start the language server on stdin and stdout."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from newslint.server.features import build_server
from newslint.server.linting import Linter


def main(argv: Sequence[str]) -> int:
    """Serve until the client says exit: 0 after a shutdown request, else 1 (as LSP
    asks of a server that exits without one)."""
    parser = argparse.ArgumentParser(
        prog="newslint server",
        description="The newslint language server, for editors; it speaks LSP on stdio.",
    )
    parser.add_argument(
        "--stdio", action="store_true", help="talk on stdin and stdout (the default, and only way)"
    )
    parser.parse_args(list(argv))
    server = build_server(Linter())
    server.start_io(sys.stdin.buffer, _protocol_stdout())
    return 0 if server.shut_down else 1


def _protocol_stdout() -> BinaryIO:
    """A private copy of stdout for the protocol. Standard output then goes to stderr,
    so that a stray print (from a plugin, say) cannot corrupt the messages."""
    sys.stdout.flush()
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return protocol
