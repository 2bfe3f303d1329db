"""Uploads waiting for a curator's confirmation (web), kept in SKG_STATE_DIR/staged/.

The confirm step validates the saved file again against the store as it is
then (someone may have imported in between), so what is committed is always
what was validated last.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

from app.config import Settings
from app.imports.errors import ImportNotFound
from app.imports.staging import Upload

_ID = re.compile(r"^[0-9a-f]{32}$")


def _folder(settings: Settings) -> Path:
    return settings.state_dir / "staged"


def save(settings: Settings, upload: Upload, owner: str) -> str:
    folder = _folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    upload_id = secrets.token_hex(16)
    (folder / f"{upload_id}.data").write_bytes(upload.data)
    meta = {"file_name": upload.file_name, "template": upload.template, "owner": owner}
    (folder / f"{upload_id}.json").write_text(json.dumps(meta), encoding="utf-8")
    return upload_id


def load(settings: Settings, upload_id: str, owner: str, who: str) -> Upload:
    """The saved upload, only for the token that uploaded it."""
    folder = _folder(settings)
    meta_path = folder / f"{upload_id}.json"
    if not _ID.match(upload_id) or not meta_path.exists():
        raise ImportNotFound("This upload is not waiting for confirmation (confirmed "
                             "already, or unknown); upload the file again.")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta["owner"] != owner:
        raise ImportNotFound("This upload is not waiting for your confirmation.")
    data = (folder / f"{upload_id}.data").read_bytes()
    return Upload(data, meta["file_name"], meta["template"], who)


def discard(settings: Settings, upload_id: str) -> None:
    if _ID.match(upload_id):
        for suffix in (".data", ".json"):
            (_folder(settings) / f"{upload_id}{suffix}").unlink(missing_ok=True)
