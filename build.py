#!/usr/bin/env python3
"""reportsite entry point: `python build.py [ingest|build|serve|check] [--help]`.

With no command it does the main job: ingest new or changed seeds from seeds/ into content/,
then build the site into site/.
"""

import sys

from reportsite.cli import main

if __name__ == "__main__":
    sys.exit(main())
