"""Reading and checking the files: YAML with line numbers, the rules for each file and across files,
the settings in mkdocs.yml, loading a chronicle with every problem at once.
"""
