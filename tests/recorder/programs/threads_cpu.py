"""Two threads that wait, then count in Python: the GIL lets one count at a time."""
import threading
import time


def work(wait):
    time.sleep(wait)
    total = 0
    for i in range(1_500_000):
        total += i


threads = [threading.Thread(target=work, args=(0.05 * k,), name=f"worker-{k}") for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
