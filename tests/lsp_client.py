"""A minimal Language Server Protocol client over stdio, enough to drive yaml-language-server in tests."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from typing import Any


class LspClient:
    """Starts the server, answers its requests (``workspace/configuration`` with ``settings``), and
    collects its notifications; ``request`` waits for the matching response."""

    def __init__(self, command: list[str], settings: dict[str, Any]):
        self.settings = settings
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notes: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
            "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                             "hover": {"contentFormat": ["markdown", "plaintext"]}},
            "workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": settings}})

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"]))))

    def _send(self, msg: dict[str, Any]) -> None:
        data = json.dumps(msg).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"Content-Length: {len(data)}\r\n\r\n".encode("ascii") + data)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _handle(self, m: dict[str, Any]) -> None:
        if "method" in m and "id" in m:  # a request from the server
            result = [self.settings for _ in m["params"]["items"]] if m["method"] == "workspace/configuration" else None
            self._send({"jsonrpc": "2.0", "id": m["id"], "result": result})
        elif "method" in m:
            self.notes.append(m)

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        self.next_id += 1
        mine = self.next_id
        self._send({"jsonrpc": "2.0", "id": mine, "method": method, "params": params})
        end = time.monotonic() + timeout
        while True:
            m = self.inbox.get(timeout=max(end - time.monotonic(), 0.1))
            if m.get("id") == mine and "method" not in m:
                assert "error" not in m, m["error"]
                return m.get("result")
            self._handle(m)

    def open(self, uri: str, text: str, timeout: float = 60) -> list[dict[str, Any]]:
        """Open a document and return the first diagnostics the server publishes for it."""
        self.notes = [n for n in self.notes if n.get("params", {}).get("uri") != uri]
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        end = time.monotonic() + timeout
        while True:
            for n in self.notes:
                if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri:
                    return n["params"]["diagnostics"]
            self._handle(self.inbox.get(timeout=max(end - time.monotonic(), 0.1)))

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
