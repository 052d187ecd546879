"""What Material writes outside any template block that the Nu Html Checker rejects, made valid.

Material's base.html (9.x) gives its drawer and search checkboxes `autocomplete="off"` (so that Firefox
does not restore them when a page is loaded again), but HTML allows `autocomplete` on text-like inputs
only. The lines sit outside any block a theme could override, so the written page is changed instead:
without the attribute a reloaded page may, in Firefox, open with the drawer as the reader left it.
When Material changes these lines, nothing is replaced and tests/test_html_valid.py fails.
"""

from __future__ import annotations

_INVALID = ' autocomplete="off">'
_TOGGLES = tuple(f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"{_INVALID}'
                 for name in ("drawer", "search"))


def valid_html(html: str) -> str:
    """The page with Material's two checkboxes without `autocomplete`."""
    for toggle in _TOGGLES:
        html = html.replace(toggle, toggle.removesuffix(_INVALID) + ">", 1)
    return html
