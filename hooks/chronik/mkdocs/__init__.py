"""The MkDocs adapter: the only stage that imports MkDocs; its theme; the error page under serve.
"""
