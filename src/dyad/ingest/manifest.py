"""A folder's ``index.jsonl`` manifest, validated, and the rule that files are read only inside
the folder given.

Each manifest line describes one file: ``{"file": "a.txt", "title": ..., "url": ..., "published": ...,
"source": ...}``. A broken line is reported by file and line number and ignored (its file is still
ingested, without the line's metadata). A line naming a file outside the folder (an absolute path, a
``..`` step, a path through a link that leads out) is refused without looking at that path, so the
error text tells nothing about what exists outside.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath

from dyad.ingest.dates import strict_date

MANIFEST = "index.jsonl"
# Headlines run to a few hundred characters; anything longer is not a title.
MAX_TITLE = 500
MAX_URL = 4096
MAX_SOURCE = 300
STRING_FIELDS = {"title": MAX_TITLE, "url": MAX_URL, "source": MAX_SOURCE, "published": 100}
OUTSIDE = "refused: it leads outside the folder being ingested"


class ManifestLineError(ValueError):
    """One broken manifest line; ``where`` is ``path:line``."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason


def inside(path: Path, root: Path) -> bool:
    """True when ``path``, with every link followed, lies under ``root`` (already resolved)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def shorten(value: object, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return repr(text if len(text) <= limit else text[:limit] + "...")


def check_line(obj: object, folder: Path, root: Path) -> dict:
    """The manifest entry, validated; ValueError (reason only) when it is unusable."""
    if not isinstance(obj, dict) or not isinstance(obj.get("file"), str) or not obj["file"]:
        raise ValueError("broken manifest line: needs a \"file\" string")
    name = obj["file"]
    if (PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive
            or ".." in PurePosixPath(name.replace("\\", "/")).parts or "\x00" in name):
        raise ValueError(f"broken manifest line: \"file\" must be a relative path inside the folder; {OUTSIDE}")
    if not inside(folder / name, root):
        raise ValueError(f"broken manifest line: \"file\" {OUTSIDE}")
    for key, limit in STRING_FIELDS.items():
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"broken manifest line: \"{key}\" must be a string, not {type(value).__name__}")
        if len(value) > limit:
            raise ValueError(f"broken manifest line: \"{key}\" is {len(value):,} characters long; "
                             f"the limit is {limit:,}")
    published = obj.get("published")
    if published:
        try:
            obj = {**obj, "published": strict_date(published)}
        except ValueError as exc:
            raise ValueError(f"broken manifest line: bad published date {shorten(published)} ({exc})") from None
    return obj


def read_manifest(folder: Path, root: Path | None = None) -> tuple[dict[str, dict], list[ManifestLineError]]:
    """Parse ``folder/index.jsonl``: file name -> metadata, plus errors for broken lines.

    ``root`` is the resolved folder being ingested (default: ``folder`` itself)."""
    root = root or folder.resolve()
    path = folder / MANIFEST
    entries: dict[str, dict] = {}
    errors: list[ManifestLineError] = []
    if not path.exists() and not path.is_symlink():
        return entries, errors
    if not inside(path, root):
        errors.append(ManifestLineError(str(path), OUTSIDE))
        return entries, errors
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        errors.append(ManifestLineError(str(path), f"cannot read the manifest: {exc.strerror or exc}"))
        return entries, errors
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(ManifestLineError(where, f"broken manifest line: {exc.msg}"))
            continue
        except RecursionError:
            errors.append(ManifestLineError(where, "broken manifest line: nested too deeply"))
            continue
        try:
            entry = check_line(obj, folder, root)
        except ValueError as exc:
            errors.append(ManifestLineError(where, str(exc)))
            continue
        entries[entry["file"]] = entry
    return entries, errors
