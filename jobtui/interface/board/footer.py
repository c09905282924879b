"""The board's footer: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KeysShown = tuple[tuple[object, ...], ...]


class BoardFooter(Footer):
    """The keys that apply where the focus is, rebuilt only when they change.

    Textual's footer rebuilds all its key widgets after every key press, which
    on the board costs some 40 ms: a moved card waited that long to be drawn.
    Most keys leave the keys shown as they were, so this footer compares first;
    and changes that come together (as the board takes the focus at start-up)
    make one rebuild, not one each.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: KeysShown | None = None
        self._rebuild_due = False

    def compose(self) -> ComposeResult:
        """Textual's keys, already in the footer's style when they are mounted.

        A key widget starts compact and takes the footer's style once mounted,
        restyling itself for each change: at start-up, a third of a
        millisecond apiece, for every key.
        """
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        """Rebuild the keys, if those shown would differ (as Textual's footer would)."""
        shown = _keys_shown(screen)
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown
            if self._rebuild_due:
                # The rebuild already asked for reads the keys when it runs.
                return
            self._rebuild_due = True
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        """Rebuild the keys from the bindings as they are now."""
        self._rebuild_due = False
        await super().recompose()


def _keys_shown(screen: Screen) -> KeysShown:
    """What the footer's keys are made from: every binding it may show, as it is."""
    app = screen.app
    return tuple(
        (
            binding.key,
            app.get_key_display(binding),
            binding.action,
            binding.description,
            binding.group,
            binding.show,
            enabled,
            tooltip,
        )
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == app.COMMAND_PALETTE_BINDING
    )
