"""Put a freshly built site in place of the old one, so that `site/` holds a complete site at every moment
(`./dev build`: `python -m chronik.tools.site_swap site.neu site`).

On Linux both folders trade places in one step (renameat2 with RENAME_EXCHANGE), then the old site
is deleted under the new one's former name. Where the file system cannot (macOS, some network file
systems), the old site is renamed aside first (`site.alt`), then the new one in; a run stopped between
the two renames leaves `site.alt`, which the next run (`--recover`, or any swap) puts back.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def swap_in(new: Path, target: Path) -> None:
    """`new` becomes `target`; the old `target` is deleted."""
    recover(target)
    if not target.exists():
        os.rename(new, target)
    elif _exchange(new, target):
        shutil.rmtree(new)  # the old site, under the new one's former name
    else:
        aside = _aside(target)
        os.rename(target, aside)
        os.rename(new, target)
        shutil.rmtree(aside)


def recover(target: Path) -> None:
    """Undo what a stopped swap left: the old site renamed aside while `target` is missing goes back; once the
    new one is in place, it is deleted."""
    aside = _aside(target)
    if aside.exists():
        if target.exists():
            shutil.rmtree(aside)
        else:
            os.rename(aside, target)


def _aside(target: Path) -> Path:
    return target.with_name(target.name + ".alt")


def _exchange(first: Path, second: Path) -> bool:
    """Trade the two paths' places atomically; False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28+, musl 1.2.4+
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


def main(arguments: list[str]) -> int:
    if len(arguments) == 2 and arguments[0] == "--recover":
        recover(Path(arguments[1]))
    elif len(arguments) == 2:
        swap_in(Path(arguments[0]), Path(arguments[1]))
    else:
        print("Aufruf: python -m chronik.tools.site_swap NEU ZIEL | --recover ZIEL", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
