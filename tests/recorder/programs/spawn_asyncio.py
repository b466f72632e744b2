"""A spawned child that runs an event loop: the recorder patches asyncio there when the child imports it."""
import asyncio
import multiprocessing


async def nap():
    await asyncio.sleep(0.02)


def child():
    asyncio.run(nap())


if __name__ == "__main__":
    process = multiprocessing.get_context("spawn").Process(target=child)
    process.start()
    process.join()
