"""``serve``: the HTTP API and web pages over the store, with uvicorn.

Binds to 127.0.0.1:8000 by default. On any other (non-loopback) address a write token
is required (``--token`` or ``$STORYDIFF_TOKEN``); without one the command refuses to start.
On loopback, only loopback ``Host`` headers are accepted (against DNS rebinding).
Writes run in a process of their own (:mod:`storydiff.api.writer_process`), so ingesting
does not slow reads down; ``--in-process-writer`` keeps them in the server process.
Under writes, the article and story lists are recomputed at most every ``--list-stale-ms``
(250 ms): a list page may lag that much behind the newest article, never more.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
from typing import Any

from storydiff.cli.common import CommandContext
from storydiff.errors import ConfigError

__all__ = ["is_loopback", "register"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` names only this machine.

    >>> [is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "192.168.1.5")]
    [True, True, True, False, False]
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="run the HTTP API and web pages (default http://127.0.0.1:8000)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token", default=None,
                   help="bearer token required by write endpoints (default $STORYDIFF_TOKEN); "
                        "required on a non-loopback host")
    p.add_argument("--max-body-bytes", type=int, default=None, help="request body cap (default 20 MB + 64 KiB)")
    p.add_argument("--list-stale-ms", type=float, default=250.0,
                   help="how far the article and story lists may lag behind writes, in ms (default 250; "
                        "0: always exact, recomputed after every write)")
    p.add_argument("--in-process-writer", action="store_true",
                   help="ingest in the server process instead of a separate writer process")
    p.set_defaults(handler=cmd_serve)


def cmd_serve(ctx: CommandContext, args: argparse.Namespace) -> int:
    import uvicorn

    from storydiff.api import create_app

    token = args.token or os.environ.get("STORYDIFF_TOKEN") or None
    loopback = is_loopback(args.host)
    if not loopback and not token:
        raise ConfigError(f"refusing to serve on non-loopback host {args.host!r} without a write token "
                          "(pass --token or set STORYDIFF_TOKEN)")
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port must be 1..65535, got {args.port}")
    hosts = None
    if loopback:
        hosts = ["127.0.0.1", "localhost", "[::1]", "::1"]
        if args.host not in hosts:
            hosts.append(args.host)
    app = create_app(ctx.settings, token, max_body_bytes=args.max_body_bytes, allowed_hosts=hosts,
                     writer_process=not args.in_process_writer, list_max_stale=args.list_stale_ms / 1000)
    print(f"storydiff: serving {ctx.settings.db_path} on http://{args.host}:{args.port}"
          f"{' (writes need the token)' if token else ''}", file=ctx.err)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
