"""Trigram indexes (PostgreSQL's pg_trgm) for the `icontains` searches of the site and the
admin, as a migration operation.

Django writes `icontains` as UPPER(column) LIKE UPPER('%word%'), which no ordinary index
can answer; a GIN index of UPPER(column) with gin_trgm_ops can, for words of three or more
characters, in Korean as in English. SQLite has no such index: there the same queries
scan, which is fine at the size of a development database. The indexes live in
migrations only, not in the models' Meta, because SQLite could not create them.
"""

from django.db import migrations


def _index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"[:63]


def trigram_indexes(table: str, columns: list[str]) -> migrations.RunPython:
    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{_index_name(table, column)}" '
                f'ON "{table}" USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{_index_name(table, column)}"')

    return migrations.RunPython(create, drop)
