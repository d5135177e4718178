"""Backup and restore of everything the site keeps: the database (PostgreSQL with
pg_dump/pg_restore, or SQLite with its backup API) and the uploaded media.

A backup is one folder: database.dump (or database.sqlite3), media.tar.gz, and
manifest.json, which names what it holds and the checksums to verify it by.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"


def _checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _postgres_environment() -> dict:
    params = connection.settings_dict
    env = {**os.environ, "PGDATABASE": params["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if params.get(key):
            env[variable] = str(params[key])
    return env


def backup_create(folder: Path) -> Path:
    """Write a new backup into a fresh folder under `folder`; returns it."""
    made_at = datetime.datetime.now(datetime.UTC)
    target = Path(folder) / f"forum-site-{made_at:%Y%m%dT%H%M%SZ}"
    target.mkdir(parents=True)
    if connection.vendor == "postgresql":
        database = target / "database.dump"
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(database)],
            env=_postgres_environment(),
            check=True,
        )
    else:
        database = target / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(database) as copy:
            connection.connection.backup(copy)
    media = target / "media.tar.gz"
    with tarfile.open(media, "w:gz") as archive:
        if Path(settings.MEDIA_ROOT).exists():
            archive.add(settings.MEDIA_ROOT, arcname=".")
    manifest = {
        "made_at": made_at.isoformat(),
        "database": connection.vendor,
        "files": {path.name: _checksum(path) for path in (database, media)},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return target


def backup_restore(backup: Path) -> None:
    """Put the database and the media back as the backup holds them, replacing what is there.
    Refuses a backup whose files do not match their checksums."""
    backup = Path(backup)
    manifest = json.loads((backup / MANIFEST).read_text())
    for name, checksum in manifest["files"].items():
        if _checksum(backup / name) != checksum:
            raise ValueError(f"{backup / name} does not match its checksum: the backup is damaged.")
    if manifest["database"] != connection.vendor:
        raise ValueError(f"This backup is of a {manifest['database']} database, not {connection.vendor}.")
    if connection.vendor == "postgresql":
        connection.close()
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
             "--dbname", connection.settings_dict["NAME"], str(backup / "database.dump")],
            env=_postgres_environment(),
            check=True,
        )  # fmt: skip
    else:
        connection.ensure_connection()
        with sqlite3.connect(backup / "database.sqlite3") as source:
            source.backup(connection.connection)
    media_root = Path(settings.MEDIA_ROOT)
    shutil.rmtree(media_root, ignore_errors=True)
    media_root.mkdir(parents=True)
    with tarfile.open(backup / "media.tar.gz", "r:gz") as archive:
        archive.extractall(media_root, filter="data")
