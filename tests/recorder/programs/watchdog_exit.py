"""A thread blocks for good on a lock nobody releases; a watchdog ends the program with os._exit."""
import os
import threading
import time

lock = threading.Lock()
lock.acquire()


def stuck():
    lock.acquire()


def watchdog():
    time.sleep(0.2)
    os._exit(0)


threading.Thread(target=watchdog, daemon=True).start()
t = threading.Thread(target=stuck, name="stuck")
t.start()
t.join()
