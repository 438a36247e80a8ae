"""Finding the source file of a document, and proving it is the one the graph was built from.

The graph names each document's source by file name and SHA-256 (``dk:fileName``,
``dk:sha256``), not by a path on this machine.  A candidate is looked for in the folders given
(``kg site --sources DIR``) by relative path and by name, then where the last build read it (the
``manifest.json`` beside the store).  It is used only when the text read from it has the
checksum the graph records: highlights are offsets, and offsets into another version of a file
would mark the wrong words.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.reading import ReadError, read_file
from kg.reading.transcript import Transcript


class SourceFinder:
    """Looks documents' source files up by name in folders (indexed once) and in the manifest."""

    def __init__(self, folders: list[Path], manifest: Path | None) -> None:
        self.by_name: dict[str, list[Path]] = {}
        for folder in folders:
            for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
                if path.is_file():
                    self.by_name.setdefault(path.name, []).append(path)
        if manifest is not None and manifest.is_file():
            try:
                entries = json.loads(manifest.read_text("utf-8")).get("documents", [])
            except (OSError, ValueError, AttributeError):
                entries = []
            for entry in entries:
                if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                    paths = self.by_name.setdefault(Path(entry["name"]).name, [])
                    paths.extend(Path(entry[k]) for k in ("key", "path")
                                 if isinstance(entry.get(k), str))

    def find(self, file_name: str, sha256: str) -> tuple[Transcript | None, str]:
        """The transcript of the first candidate whose text has ``sha256``, and a note in
        words (where it was found, or why none fits)."""
        tried = []
        seen: set[Path] = set()
        for path in self.by_name.get(Path(file_name).name, []):
            if path in seen or not path.is_file():
                continue
            seen.add(path)
            try:
                transcript = read_file(path)
            except (ReadError, OSError) as exc:
                tried.append(f"{path} ({exc})")
                continue
            if transcript.sha256 == sha256:
                return transcript, str(path)
            tried.append(f"{path} (another version: its checksum differs)")
        if tried:
            return None, "source text not shown: " + "; ".join(tried)
        return None, (f"source text not shown: {file_name} was not found "
                      "(give its folder with --sources)")
