"""The pages of a chronicle as Markdown: the plan of paths, what a template sees, listings, the timeline,
fragments for the hand-written pages, structured data, the chart, the templates.
"""
