"""Notes: templates to start from, checks while writing, drafts kept, .eml export.

Nothing here imports Textual; the composer screen calls these modules.
"""
