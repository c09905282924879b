"""The board widget and what it draws: cards, columns, the status line."""
