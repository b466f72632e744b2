"""Runs a generated subinterpreters program on a Python older than 3.14, with stand-ins for
concurrent.interpreters and concurrent.futures.InterpreterPoolExecutor. For tests only: it checks the
program's own logic (what crosses between interpreters, what blocks, what is lost, how a deadlock
ends), not Python 3.14, whose interpreters each have their own GIL where these threads share one.

- create_queue(maxsize) makes a queue whose items are copied (pickled) on put, and which itself pickles
  by id, so that every task gets the same queue; get() and put() poll every 10 ms and cut a timeout
  to whole seconds, as Python 3.14's do (Lib/concurrent/interpreters/_queues.py, gh-153005).
- InterpreterPoolExecutor is a ThreadPoolExecutor whose submit() pickles the callable and its
  arguments and unpickles them in the worker, as the real one copies them into its interpreter; the
  result comes back the same way.

Usage: python3 interpreters_standin.py program.py
"""
import collections
import concurrent.futures
import pickle
import queue
import runpy
import sys
import threading
import time
import types

_queues = {}
_lock = threading.Lock()


class QueueEmpty(queue.Empty):
    """Raised by get_nowait() on an empty queue, and by get() when its timeout passes."""


class QueueFull(queue.Full):
    """Raised by put_nowait() on a full queue, and by put() when its timeout passes."""


def _queue(qid):
    return _queues[qid]


class Queue:
    def __init__(self, maxsize):
        self._maxsize = maxsize
        self._items = collections.deque()
        with _lock:
            self.id = len(_queues)
            _queues[self.id] = self

    def __reduce__(self):
        return (_queue, (self.id,))

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self._maxsize <= len(self._items)

    def put_nowait(self, obj):
        data = pickle.dumps(obj)
        with _lock:
            if self.full():
                raise QueueFull
            self._items.append(data)

    def get_nowait(self):
        with _lock:
            if not self._items:
                raise QueueEmpty
            data = self._items.popleft()
        return pickle.loads(data)

    def _poll(self, attempt, block, timeout):
        if not block:
            return attempt()
        end = None if timeout is None else time.time() + int(timeout)
        while True:
            try:
                return attempt()
            except (QueueEmpty, QueueFull):
                if end is not None and time.time() >= end:
                    raise
                time.sleep(0.01)

    def put(self, obj, block=True, timeout=None):
        self._poll(lambda: self.put_nowait(obj), block, timeout)

    def get(self, block=True, timeout=None):
        return self._poll(self.get_nowait, block, timeout)


def create_queue(maxsize=0):
    return Queue(maxsize)


def _call(data):
    fn, args, kwargs = pickle.loads(data)
    return pickle.loads(pickle.dumps(fn(*args, **kwargs)))


class InterpreterPoolExecutor(concurrent.futures.ThreadPoolExecutor):
    def submit(self, fn, /, *args, **kwargs):
        return super().submit(_call, pickle.dumps((fn, args, kwargs)))


class _Version(tuple):
    major, minor, micro = 3, 14, 0


def main():
    program = sys.argv[1]
    interpreters = types.ModuleType("concurrent.interpreters", "Stand-in for Python 3.14's module.")
    for name in ("create_queue", "Queue", "QueueEmpty", "QueueFull"):
        setattr(interpreters, name, globals()[name])
    sys.modules["concurrent.interpreters"] = interpreters
    concurrent.interpreters = interpreters
    concurrent.futures.InterpreterPoolExecutor = InterpreterPoolExecutor
    sys.version_info = _Version((3, 14, 0, "final", 0))
    sys.argv = [program]
    runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    # Run from the module imported under its own name: the program becomes __main__, and pickle must
    # find these classes and functions by a module name that stays.
    import interpreters_standin

    interpreters_standin.main()
