"""`python -m benchmarks` runs the whole benchmark (see benchmarks/runner.py)."""

from benchmarks.runner import main

main()
