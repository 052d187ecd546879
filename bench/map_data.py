"""Fetch the country shapes the maps are drawn from (hooks/chronik/pages/geodata/countries-50m.json) again.

    python bench/map_data.py          # npm pack world-atlas@2.0.2, check, copy

The file is shipped unchanged; this script proves where it comes from. It needs npm and the registry.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-50m.json"
SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"
TARGET = Path(__file__).resolve().parent.parent / "hooks/chronik/pages/geodata"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        archive = next(Path(folder).glob("world-atlas-*.tgz"))
        with tarfile.open(archive) as tar:
            data = tar.extractfile(MEMBER).read()
            licence = tar.extractfile("package/LICENSE").read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        print(f"{PACKAGE}: {MEMBER} hat SHA-256 {digest}, erwartet {SHA256}", file=sys.stderr)
        return 1
    (TARGET / "countries-50m.json").write_bytes(data)
    (TARGET / "LICENSE").write_bytes(licence)
    print(f"{TARGET / 'countries-50m.json'}: {len(data):,} Bytes aus {PACKAGE}, SHA-256 stimmt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
