"""The domain layer: model, follow-up rules, note checks, store, import and export.

Nothing in this package imports Textual; the interface and the command line call it.
"""
