"""The screens of the app: the board, detail view, forms, confirmation and help."""
