"""The scenario store: saved scenarios with their versions, and workshops, in one database.

SQLite (WAL mode) by default, created on first use at `settings.DEFAULT_PATH`; PostgreSQL
when `WOONLIB_DB` is a ``postgresql://`` URL (several workers or machines). One schema for
both (`schema`), with a version and an upgrade path. `scenarios` saves and reads named
scenarios, `workshops` a workshop's submissions; every value is checked first (`checks`)
and every failure is a `StoreError` that names the database and what to do.
"""
