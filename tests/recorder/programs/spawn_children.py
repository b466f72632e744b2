"""Two processes started with the spawn method, each sleeping a little."""
import multiprocessing
import time


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=nap, args=(0.05,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
