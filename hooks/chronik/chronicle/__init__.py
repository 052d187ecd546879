"""What a chronicle is: its values (events, people, settings, dates, countries, words) and the index
derived from them once per build. Every later stage speaks of these.
"""
