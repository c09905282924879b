"""The interface layer: the Textual app, its screens, widgets and stylesheet."""
