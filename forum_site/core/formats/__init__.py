"""The site's corrections to Django's locale formats (FORMAT_MODULE_PATH in settings)."""
