"""The page `./dev serve` shows in place of every page while a data file is broken.

MkDocs would otherwise hold every request until a build succeeds (the browser waits in silence).
The page lists every problem as the checker prints it, escaped, and asks the server once a second
whether the site is back; then it reloads, so fixing the file brings the page back by itself.
Everything is inline: the page loads nothing.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

from ..sources.problems import Problem, count_summary

MARKER = "data-chronik-fehlerseite"  # the poll below reloads once a fetched page no longer carries it

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fff; color: #1a1a1a; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; color: #a30000; }
li { margin: 0.75rem 0; }
code { font: 0.95em/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0 0.2em; }
.hinweis { display: block; color: #444; }
"""

# Fetch the same address each second; once it is a normal page again, reload.
_POLL = """
(function () {
  var timer = setInterval(function () {
    fetch(location.href, {cache: "no-store"}).then(function (response) { return response.text(); })
      .then(function (text) {
        if (text.indexOf("MARKER") < 0) { clearInterval(timer); location.reload(); }
      }).catch(function () {});
  }, 1000);
})();
""".replace("MARKER", MARKER)


def error_page(problems: Iterable[Problem]) -> str:
    """A whole HTML page in German: what is wrong, where, and how to fix it."""
    errors = [problem for problem in problems if problem.is_error]
    items = "\n".join(_item(problem) for problem in errors)
    return (f'<!doctype html>\n<html lang="de" {MARKER}>\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>Fehler in den Daten – Chronik</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
            f'<h1>Die Daten enthalten {escape(count_summary(errors))}</h1>\n'
            "<p>Die Seite kann erst wieder gebaut werden, wenn alle Fehler behoben sind. Sobald du die Datei "
            "speicherst, lädt diese Seite neu.</p>\n"
            f'<ol role="list">\n{items}\n</ol>\n</main>\n<script>{_POLL}</script>\n</body>\n</html>\n')


def _item(problem: Problem) -> str:
    where = problem.path if problem.line is None else f"{problem.path}:{problem.line}"
    hint = f'<span class="hinweis">{escape(problem.hint)}</span>' if problem.hint else ""
    return f"<li><code>{escape(where)}</code>: {escape(problem.message)}{hint}</li>"


def nav_paths(nav: object) -> list[str]:
    """The pages MkDocs' `nav` names; while the data is broken each gets a stand-in, so the nav
    warns about nothing (a warning would abort the strict build)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [path for item in items for path in nav_paths(item)]
