"""Exits 0 when the installed packages are exactly the versions pinned in a requirements file."""

import sys
from importlib import metadata


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, want = line.partition("==")
            try:
                have = metadata.version(name)
            except metadata.PackageNotFoundError:
                return 1
            if have != want:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
