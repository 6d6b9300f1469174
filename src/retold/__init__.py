"""retold: read one news story the way every outlet retold it."""

__version__ = "0.1.0"
