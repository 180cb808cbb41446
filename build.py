#!/usr/bin/env python3
"""reportsite entry point: `python build.py [ingest|build|serve|check] [--help]`.

With no command it does the main job: ingest new or changed seeds from seeds/ into content/,
then build the site into site/.
"""

from reportsite.cli import run

if __name__ == "__main__":
    run()
