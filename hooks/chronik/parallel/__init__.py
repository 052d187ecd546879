"""The build on two cores: a second process renders pages and files and hands them back; under serve,
only what an edit can change is rendered again.
"""
