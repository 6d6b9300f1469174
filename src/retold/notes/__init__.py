"""Reading notes: SQLite store, quote + position anchoring, export."""
