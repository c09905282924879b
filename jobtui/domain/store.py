"""Where callers have always found the Store; it lives in `jobtui.domain.storage`."""

from jobtui.domain.storage.store import Store

__all__ = ["Store"]
