"""asyncio handing work to executors: the default thread pool, and a process pool sent 500 kB that returns 1 MB."""
import asyncio
import concurrent.futures
import multiprocessing


def count(n):
    total = 0
    for i in range(n):
        total += i
    return total


def grow(data):
    count(100_000)
    return bytes(len(data) * 2)


async def on_thread():
    await asyncio.get_running_loop().run_in_executor(None, count, 300_000)


async def on_process(pool):
    await asyncio.get_running_loop().run_in_executor(pool, grow, bytes(500_000))


async def main():
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        await asyncio.gather(on_thread(), on_process(pool))


if __name__ == "__main__":
    asyncio.run(main())
