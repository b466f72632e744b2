"""Run with -m: a thread pool of two, three sleeps."""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(2) as pool:
    list(pool.map(time.sleep, [0.03, 0.03, 0.03]))
sys.exit(3 if sys.argv[1:] == ["--fail"] else 0)
