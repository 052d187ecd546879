"""Tools for contributors and newsrooms: the command line `chronik`, new files, JSON Schemas, change
summaries, issue forms, and `chronik neu` with its starter files.
"""
