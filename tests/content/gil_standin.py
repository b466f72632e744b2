"""Runs a generated free-threading program on a Python build that has a GIL. For tests only: the
program refuses such a build (its timings would mean nothing), so this reports the GIL as disabled
and runs the program as __main__. It checks the program's own logic (what starts, what waits, what
is lost, how a deadlock ends), not free-threaded Python, where its threads would run in parallel.

Usage: python3 gil_standin.py program.py
"""
import runpy
import sys


def main():
    program = sys.argv[1]
    sys.argv = [program]
    sys._is_gil_enabled = lambda: False
    runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    main()
