"""The database: one JSON file that TinyDB keeps, of which nothing is ever lost.

`Store` is the only way in: it hands out model objects and writes every change
through at once. Beneath it, each module has one job:

- `store`: the Store, converting between model objects and stored documents.
- `tracking`: the store's picture of the file, read again when another
  program changed it, and which applications changed there.
- `jsonfile`: the TinyDB storage that parses the file once, writes it
  atomically and notices when it changed on disk.
- `checks`: the file's required shape, and the refusal of a bad file.
- `loading`: upgrading, checking and decoding freshly parsed tables.
- `fastread`: the quick reader of documents exactly as jobtui writes them.
- `documents`: the stored form of an application.
- `stage_renames`: renaming stages under stored applications.
- `migrations`: the schema version and the steps up from older ones.
- `backups`: the copies taken before a run's first write.
- `lock`: the writer lock and the note of who holds it.
"""

from jobtui.domain.files import TEMP_MARK, write_atomically
from jobtui.domain.storage.backups import (
    KEEP_BACKUPS,
    list_backups,
    make_backup,
    remove_leftovers,
)
from jobtui.domain.storage.checks import (
    Document,
    Tables,
    check_shape,
    refusal_message,
)
from jobtui.domain.storage.jsonfile import SafeJSONStorage, paused_gc
from jobtui.domain.storage.lock import WriterLock
from jobtui.domain.storage.migrations import CURRENT_SCHEMA, MIGRATIONS
from jobtui.domain.storage.store import Store

__all__ = [
    "CURRENT_SCHEMA",
    "KEEP_BACKUPS",
    "MIGRATIONS",
    "TEMP_MARK",
    "Document",
    "SafeJSONStorage",
    "Store",
    "Tables",
    "WriterLock",
    "check_shape",
    "list_backups",
    "make_backup",
    "paused_gc",
    "refusal_message",
    "remove_leftovers",
    "write_atomically",
]
