"""Four calculations on a pool of two processes."""
from concurrent.futures import ProcessPoolExecutor


def count(n):
    total = 0
    for i in range(n):
        total += i
    return total


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as pool:
        print(sum(pool.map(count, [4_000_000] * 4)))
