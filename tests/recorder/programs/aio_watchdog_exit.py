"""A coroutine waits for good on an asyncio.Lock nobody releases; a watchdog thread ends the program with os._exit."""
import asyncio
import os
import threading
import time


def watchdog():
    time.sleep(0.2)
    os._exit(0)


async def stuck(lock):
    await lock.acquire()


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    await asyncio.gather(stuck(lock))


threading.Thread(target=watchdog, daemon=True).start()
asyncio.run(main())
