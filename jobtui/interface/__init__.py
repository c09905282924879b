"""The interface layer: the Textual app, its screens, widgets and stylesheet."""

from pathlib import Path

#: The one stylesheet of the app, for anything that hosts its screens.
STYLESHEET = Path(__file__).with_name("jobtui.tcss")
