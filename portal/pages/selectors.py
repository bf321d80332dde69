def search_terms(query: str) -> str:
    """The words of a visitor's query, in a form every database and backend accepts.

    The SQLite backend wraps each word in double quotes without escaping the quotes
    typed inside it, and SQLite ends a string at a NUL byte (PostgreSQL refuses it
    outright), so either broke the query and the page answered 500. In a plain-text
    search neither means anything, so they go, with every other control character.
    """
    kept = (ch if ch.isprintable() and ch != '"' else " " for ch in query)
    return " ".join("".join(kept).split())
