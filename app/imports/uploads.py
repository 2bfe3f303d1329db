"""Uploads waiting for a curator's confirmation (web), kept in SKG_STATE_DIR/staged/.

The confirm step validates the saved file again against the store as it is
then (someone may have imported in between), so what is committed is always
what was validated last. An upload not confirmed within KEEP_DAYS is removed
the next time anyone uploads (the curator uploads the file again).
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from app.config import Settings
from app.imports.errors import ImportNotFound
from app.imports.staging import Upload

_ID = re.compile(r"^[0-9a-f]{32}$")
KEEP_DAYS = 7


def _folder(settings: Settings) -> Path:
    return settings.state_dir / "staged"


def save(settings: Settings, upload: Upload, owner: str) -> str:
    folder = _folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old(folder)
    upload_id = secrets.token_hex(16)
    (folder / f"{upload_id}.data").write_bytes(upload.data)
    meta = {"file_name": upload.file_name, "template": upload.template, "owner": owner}
    (folder / f"{upload_id}.json").write_text(json.dumps(meta), encoding="utf-8")
    return upload_id


def load(settings: Settings, upload_id: str, owner: str, who: str) -> Upload:
    """The saved upload, only for the token that uploaded it."""
    if not _ID.match(upload_id):
        raise _not_waiting()
    folder = _folder(settings)
    try:  # read both at once: an old upload may be removed meanwhile (_forget_old)
        meta = json.loads((folder / f"{upload_id}.json").read_text(encoding="utf-8"))
        data = (folder / f"{upload_id}.data").read_bytes()
    except FileNotFoundError:
        raise _not_waiting() from None
    if meta["owner"] != owner:
        raise ImportNotFound("This upload is not waiting for your confirmation.")
    return Upload(data, meta["file_name"], meta["template"], who)


def _not_waiting() -> ImportNotFound:
    return ImportNotFound(f"This upload is not waiting for confirmation (confirmed already, "
                          f"not confirmed within {KEEP_DAYS} days, or unknown); upload the "
                          f"file again.")


def discard(settings: Settings, upload_id: str) -> None:
    if _ID.match(upload_id):
        _remove(_folder(settings), upload_id)


def _remove(folder: Path, upload_id: str) -> None:
    for suffix in (".data", ".json"):
        (folder / f"{upload_id}{suffix}").unlink(missing_ok=True)


def _forget_old(folder: Path) -> None:
    """Remove the uploads saved more than KEEP_DAYS ago and never confirmed."""
    cutoff = time.time() - KEEP_DAYS * 24 * 3600
    for meta in folder.glob("*.json"):
        try:
            old = meta.stat().st_mtime < cutoff
        except FileNotFoundError:  # confirmed or removed meanwhile
            continue
        if old:
            _remove(folder, meta.stem)
