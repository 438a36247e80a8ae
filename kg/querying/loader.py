"""The store's loader process: graphs read from standard input, bulk-loaded into a new store.

``python -m kg.querying.loader STORE_DIR PARENT_PID`` makes the store at STORE_DIR
(``kg.querying.store.WholeLoad``: each graph into its named graph and into the merged default
graph) from the messages on its standard input, and writes one line on its standard output
when the store is whole and on disk, or when it could not be made.  It is what
``kg.publishing.storing.StoreFeeder`` starts, so that a build's store is loaded beside the
processing.

A new interpreter, not a fork of the build: RocksDB keeps process-wide state (its pool of
background threads) that a forked child inherits without the threads, and a store opened
there after the parent has used one waits for them for ever.

Messages, each one line of JSON: ``{"graph": IRI, "path": FILE}`` (canonical N-Quads in a
file), ``{"graph": IRI, "size": N}`` followed by N bytes of them, ``{"done": true}`` (load
what is left, flush, reply, end) and ``{"stop": true}`` (end without finishing; so does the
end of the input).  The reply: ``{"outcome": "loaded"}`` or ``{"outcome": "error",
"message": ...}``.  The process ends with its parent (``kg.processes.die_with_parent``).

What it does not do: decide which graphs go in (the build does), or check them against the
shapes (they were, before the build handed them over).
"""
from __future__ import annotations

import json
import os
import queue
import sys
import threading
from typing import BinaryIO, Union

from kg.querying.store import LOAD_BYTES, StoreError, WholeLoad

DONE, STOP = {"done": True}, {"stop": True}


def write_graph(out: BinaryIO, graph_iri: str, source: Union[str, os.PathLike, bytes]) -> None:
    """One graph's message (the parent's side)."""
    if isinstance(source, (bytes, bytearray)):
        out.write(_line({"graph": graph_iri, "size": len(source)}) + bytes(source))
    else:
        out.write(_line({"graph": graph_iri, "path": os.fspath(source)}))


def write_message(out: BinaryIO, message: dict) -> None:
    out.write(_line(message))


def _line(message: dict) -> bytes:
    return json.dumps(message).encode("utf-8") + b"\n"


def load(store_dir: str, messages: "queue.SimpleQueue[dict | tuple]") -> dict:
    """Fill the store from ``messages`` (graphs as (IRI, file or bytes), DONE, STOP); return
    the reply.  Graphs are loaded ``LOAD_BYTES`` of text at a time, as ``load_whole`` loads
    them: a bulk load per graph would cost nearly twice the CPU (each load leaves RocksDB more
    files to compact)."""
    loading = None
    try:
        loading = WholeLoad(store_dir)
        batch, held = [], 0
        while True:
            item = messages.get()
            if item == STOP:
                return {"outcome": "stopped"}
            if item != DONE:
                batch.append(item)
                held += 2 * _size(item[1])       # its text is loaded twice: named and merged
                if held < LOAD_BYTES:
                    continue
            if batch:
                loading.load(batch)
            batch, held = [], 0
            if item == DONE:
                loading.close()
                return {"outcome": "loaded"}
    except StoreError as exc:
        return {"outcome": "error", "message": str(exc)}
    except Exception as exc:                   # a bug: say what, as the build does
        return {"outcome": "error",
                "message": f"internal error in the store's loader {type(exc).__name__}: {exc}"}
    finally:
        if loading is not None:
            loading.release()


def _read(source: BinaryIO, messages: "queue.SimpleQueue[dict | tuple]") -> None:
    """The messages of ``source``, as ``load`` takes them, until done, stop or its end."""
    try:
        while line := source.readline():
            message = json.loads(line)
            if "graph" not in message:
                messages.put(message)
                if message in (DONE, STOP):
                    return
            elif "size" in message:
                messages.put((message["graph"], source.read(message["size"])))
            else:
                messages.put((message["graph"], message["path"]))
    except (OSError, ValueError):
        pass
    messages.put(STOP)                          # the input ended early: the build gave up


def _size(source: Union[str, bytes]) -> int:
    if isinstance(source, bytes):
        return len(source)
    try:
        return os.path.getsize(source)
    except OSError:
        return 0                                # reported when the load reads it


def main(argv: list[str]) -> int:
    store_dir, parent = argv
    from kg.processes import die_with_parent

    die_with_parent(int(parent))
    messages: queue.SimpleQueue = queue.SimpleQueue()
    # A reader thread takes the input as it comes, so the build never waits on a full pipe
    # while a bulk load runs.
    threading.Thread(target=_read, args=(sys.stdin.buffer, messages), daemon=True).start()
    reply = load(store_dir, messages)
    sys.stdout.buffer.write(_line(reply))
    sys.stdout.buffer.flush()
    return 0 if reply["outcome"] != "error" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
