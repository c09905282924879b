"""The user's keys from the settings file's `[keymap]`, applied to the app's bindings.

Each binding the app declares has an id; the settings map ids to keys. An id
that no binding has is most likely a typo, so the user is told which ones and
the rest still apply.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Mapping

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from jobtui import interface


def apply_keymap(
    app: App[object], keymap: Mapping[str, str], known: Iterable[str] | None = None
) -> list[str]:
    """Rebind the app's keys; returns the ids that no binding has, after a warning.

    Args:
        keymap: binding id to key, such as `{"new": "ctrl+n"}`; a key may be
            several, separated by commas.
        known: the binding ids there are; by default `binding_ids(app)`.
    """
    # Textual looks each id up in whatever bindings are active at the time.
    app.set_keymap(dict(keymap))
    return check_keymap(app, keymap, known)


def check_keymap(
    app: App[object], keymap: Mapping[str, str], known: Iterable[str] | None = None
) -> list[str]:
    """The keymap's ids that no binding has, in a warning; the others still apply."""
    ids = set(binding_ids(app) if known is None else known)
    unknown = sorted(binding_id for binding_id in keymap if binding_id not in ids)
    if unknown:
        app.notify(
            f"The settings' [keymap] names bindings that do not exist: "
            f"{', '.join(unknown)}. Known: {', '.join(sorted(ids))}.",
            title="Keys not changed",
            severity="warning",
            timeout=10,
        )
    return unknown


def binding_ids(app: App[object]) -> set[str]:
    """The ids of every binding the app's own classes declare.

    Those are the app's class and each screen and widget class defined in the
    same top-level package as it, mounted or not. The interface's screens are
    imported when first shown, so every one of them is imported here first.
    """
    _import_interface()
    package = type(app).__module__.partition(".")[0]
    return {
        binding.id
        for node_class in (type(app), *_subclasses(DOMNode))
        if node_class.__module__.partition(".")[0] == package
        for binding in _bindings(node_class)
        if binding.id
    }


def _import_interface() -> None:
    """Import every module of the interface, so that each screen class exists."""
    for module in pkgutil.walk_packages(interface.__path__, f"{interface.__name__}."):
        importlib.import_module(module.name)


def _subclasses(base: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for subclass in base.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def _bindings(node_class: type[DOMNode]) -> Iterator[Binding]:
    """The bindings a class declares itself, not those it inherits."""
    declared = node_class.__dict__.get("BINDINGS", [])
    return Binding.make_bindings(declared)
