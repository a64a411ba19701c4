"""Module pages shown in the main window, and the registry that lists them."""
