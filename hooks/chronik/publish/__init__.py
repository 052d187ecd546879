"""What a site publishes besides its pages: feeds, calendars, open data, the name list and the search
index; `site` plans and builds pages and files together.
"""
