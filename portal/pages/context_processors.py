from . import display


def display_preferences(request):
    """Text size and contrast chosen by the reader, for the <html> element."""
    return {"display": display.read(request)}
