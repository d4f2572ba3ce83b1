"""Helpers shared by the site's build hooks (imported as `hfd.<module>`, once).

MkDocs puts the folder of each hook on `sys.path` while it loads the hook, so the
hooks import this package by its one name; the tests put `hooks/` on the path too.
"""
