"""Six downloads under asyncio: each waits on the network (a sleep here), then parses for a moment."""
import asyncio


def parse(n):
    total = 0
    for i in range(n):
        total += i
    return total


async def download(seconds):
    await asyncio.sleep(seconds)
    parse(20_000)
    await asyncio.sleep(seconds / 2)


async def main():
    await asyncio.gather(*(download(0.1 + 0.04 * i) for i in range(6)))


asyncio.run(main())
