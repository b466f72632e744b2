"""Two pool threads counting in Python: while one holds the GIL the other waits for it, not for its queue."""
from concurrent.futures import ThreadPoolExecutor


def count(n):
    total = 0
    for i in range(n):
        total += i
    return total


with ThreadPoolExecutor(2) as pool:
    print(sum(pool.map(count, [3_000_000] * 2)))
