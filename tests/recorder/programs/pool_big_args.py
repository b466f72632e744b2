"""Four 2 MB chunks handed to a multiprocessing Pool of two, after some work of the parent's own."""
import multiprocessing
import time


def checksum(data):
    total = 0
    for i in range(0, len(data), 4096):
        total += data[i]
    return total


if __name__ == "__main__":
    time.sleep(0.03)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pending = [pool.apply_async(checksum, (bytes(2_000_000),)) for _ in range(4)]
        print(sum(p.get() for p in pending))
        pool.close()
        pool.join()
