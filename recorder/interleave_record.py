#!/usr/bin/env python3
"""Record how a Python program spends its time, for Interleave's Playground.

    python3 interleave_record.py [-o run.json] [--interval-ms 1] script.py [args...]
    python3 interleave_record.py [-o run.json] -m package.module [args...]
    python3 interleave_record.py --self-test

The program runs unchanged. The recording holds, for the program and every process it starts through
multiprocessing or concurrent.futures: each thread (start, end, name) with its life split into running and
waiting by sampling the thread's CPU clock every interval; each asyncio task (creation, every resumption on
the loop and every await between); calls run by thread and process pools; and, where the recorder can tell,
why a thread waited (sleep, socket, select, lock, queue, join; core when it was ready to run but had no CPU). The format is described by
recording.schema.json. Standard library only; CPython 3.11 or newer; Linux and macOS.
"""
import _thread
import collections.abc
import json
import os
import runpy
import selectors
import socket
import sys
import tempfile
import threading
import time

FORMAT = "interleave-recording"
VERSION = 1
_ENV_DIR = "INTERLEAVE_RECORD_DIR"
_ENV_T0 = "INTERLEAVE_RECORD_T0"
_ENV_INTERVAL = "INTERLEAVE_RECORD_INTERVAL_MS"
_now = time.monotonic_ns  # CLOCK_MONOTONIC: one clock for every process of the machine
_cpu_clock = getattr(time, "pthread_getcpuclockid", None)  # absent on macOS


class _Thread:
    __slots__ = ("ident", "name", "main", "start", "end", "clock", "last_wall", "last_cpu", "segments", "cpu", "stat", "last_ready", "held")

    def __init__(self, ident, name, main, start):
        self.ident, self.name, self.main, self.start, self.end = ident, name, main, start, None
        self.clock = None
        if _cpu_clock is not None:
            try:
                self.clock = _cpu_clock(ident)
            except (OSError, OverflowError):
                self.clock = None
        self.last_wall, self.last_cpu = start, time.thread_time_ns()
        # Linux: time spent runnable but not on a CPU (run_delay), to tell "waiting for a core" from a wait.
        self.stat = "/proc/self/task/%d/schedstat" % threading.get_native_id()
        self.last_ready = None
        # While its clock stays still: what its frames said it was blocked in ("": no label), else None.
        self.held = None
        self.segments = []  # [start, end, state, label, cpu_ns]
        self.cpu = 0


class _Recorder:
    """The recording of one process."""

    def __init__(self, t0, interval_ms, parent_pid):
        self.t0, self.interval, self.parent_pid = t0, interval_ms / 1000.0, parent_pid
        self.min_cut = int(interval_ms * 250_000)  # ns: a quarter of the sampling interval
        self.start = _now()
        self.end = None
        self.lock = _thread.allocate_lock()
        self.threads = {}
        self.labels = {}  # thread ident -> what it waits on now
        self.tasks = []
        self.calls = []
        self.starts = []  # children this process started: {"name", "atMs"} at Process.start()
        self.submits = []  # ms of each task handed to a process pool (apply_async, map, submit)
        self.received = {}  # thread ident -> (ns the last message's header arrived, its size in bytes)
        self.replying = {}  # thread ident -> the pool call whose result its next message sends back
        self.stopping = False
        self.sampler = None

    # Threads ---------------------------------------------------------------------------------------------
    def thread_begin(self, name, main=False):
        ident = threading.get_ident()
        rec = _Thread(ident, name, main, _now())
        with self.lock:
            self.threads[ident] = rec

    def thread_end(self):
        ident = threading.get_ident()
        rec = self.threads.get(ident)
        if rec is None or rec.end is not None:
            return
        with self.lock:
            self._sample(rec, _now(), time.thread_time_ns())
            rec.end = rec.last_wall

    def wait_begin(self, ident, label):
        """The calling thread starts a wait the recorder wraps: the sampler leaves it alone until wait_end."""
        self._cut(ident)
        self.labels[ident] = label

    def wait_end(self, ident):
        self._cut(ident)
        self.labels.pop(ident, None)

    def _cut(self, ident):
        """Ends the calling thread's current segment now, unless it began less than min_cut ago (a loop of
        short waits would otherwise write two segments per call; the next cut or sample takes that time)."""
        rec = self.threads.get(ident)
        if rec is None or rec.end is not None:
            return
        wall = _now()
        if wall - rec.last_wall < self.min_cut:
            return
        with self.lock:
            self._sample(rec, wall, time.thread_time_ns())
            rec.last_ready = rec.held = None

    def _sample(self, rec, wall, cpu):
        dw, dc = wall - rec.last_wall, cpu - rec.last_cpu
        if dw <= 0:
            return
        label = self.labels.get(rec.ident)
        if rec.clock is None:  # no clock for other threads: what is not a known wait counts as running
            state = "waiting" if label else "running"
        else:
            state = "running" if dc * 2 >= dw else "waiting"
        if state == "running":
            label = None
        segs = rec.segments
        if segs and segs[-1][2] == state and segs[-1][3] == label and segs[-1][1] == rec.last_wall:
            segs[-1][1] = wall
            segs[-1][4] += dc
        else:
            segs.append([rec.last_wall, wall, state, label, dc])
        rec.cpu += dc
        rec.last_wall, rec.last_cpu = wall, cpu

    def _sample_all(self):
        frames = None
        with self.lock:
            # Every clock first, each beside its own reading of the wall clock and before anything that lets
            # the GIL go (reading /proc, the frames): while the sampler waits to get it back, the other
            # threads run on, and a clock read then would count their time in an interval that already ended.
            now = []
            for rec in self.threads.values():
                if rec.end is not None or rec.clock is None or rec.ident in self.labels:
                    continue  # ended, no clock, or in a wrapped wait (wait_begin and wait_end cut it)
                try:
                    wall = _now()
                    now.append((rec, wall, time.clock_gettime_ns(rec.clock)))
                except OSError:
                    continue
            # The frames too, at once if any thread may need them: reading its run delay from /proc lets the
            # GIL go, and a thread that runs on meanwhile (its call ended, it went back to its queue) would
            # be labelled by where it is then, not by where its clock said it was.
            if any(cpu != rec.last_cpu or rec.held is None for rec, wall, cpu in now
                   if (cpu - rec.last_cpu) * 2 < wall - rec.last_wall):
                frames = sys._current_frames()
            for rec, wall, cpu in now:
                if cpu == rec.last_cpu and rec.held is not None:
                    # Its clock has not moved since it was found blocked, so it is still in that call.
                    rec.last_ready = None
                    if rec.held:
                        self.labels[rec.ident] = rec.held
                        self._sample(rec, wall, cpu)
                        del self.labels[rec.ident]
                    else:
                        self._sample(rec, wall, cpu)
                    continue
                rec.held = None
                if (cpu - rec.last_cpu) * 2 < wall - rec.last_wall:
                    ready = _ready_ns(rec.stat) if rec.stat else None
                    label = None
                    if ready is None:
                        rec.stat = None  # no schedstat here (macOS, or a kernel without it)
                    else:
                        if rec.last_ready is not None and (ready - rec.last_ready) * 2 >= wall - rec.last_wall:
                            label = "core"
                        rec.last_ready = ready
                    if label is None:
                        frames = frames if frames is not None else sys._current_frames()
                        label = _label_from_stack(frames.get(rec.ident))
                        rec.held = label or ""
                    if label:
                        self.labels[rec.ident] = label
                        self._sample(rec, wall, cpu)
                        del self.labels[rec.ident]
                        continue
                else:
                    rec.last_ready = None  # only consecutive waiting samples compare run_delay
                self._sample(rec, wall, cpu)

    def _run_sampler(self):
        sleep = _original_sleep
        while not self.stopping:
            sleep(self.interval)
            self._sample_all()

    def begin(self):
        if _cpu_clock is not None:
            self.sampler = threading.Thread(target=self._run_sampler, name="interleave-sampler", daemon=True)
            self.sampler._interleave_skip = True
            self.sampler.start()
        if self.parent_pid is None:
            # The program's own process: its clock starts once the sampler runs (starting a thread can take
            # milliseconds on a busy machine, and that is the recorder's time, not the program's).
            self.t0 = self.start = _now()
        self.thread_begin(threading.main_thread().name if threading.current_thread() is threading.main_thread() else threading.current_thread().name, main=True)

    def finish(self):
        self.thread_end()
        self.end = _now()  # before stopping the sampler: its last interval is not the program's time
        self.stopping = True
        if self.sampler is not None:
            self.sampler.join()
        with self.lock:
            for rec in self.threads.values():
                if rec.end is None:
                    self._sample_all_one(rec)

    def _sample_all_one(self, rec):
        try:
            cpu = time.clock_gettime_ns(rec.clock) if rec.clock is not None else rec.last_cpu
        except OSError:
            cpu = rec.last_cpu
        self._sample(rec, self.end, cpu)
        rec.end = self.end

    # Output ----------------------------------------------------------------------------------------------
    def ms(self, ns):
        return round((ns - self.t0) / 1e6, 4)

    def to_json(self, name):
        threads = []
        for rec in sorted(self.threads.values(), key=lambda r: r.start):
            segs = [
                {"startMs": self.ms(s), "endMs": self.ms(e), "state": st, "cpuMs": round(c / 1e6, 4), **({"label": lb} if lb else {})}
                for s, e, st, lb, c in rec.segments
            ]
            threads.append({
                "id": rec.ident, "name": rec.name, "main": rec.main, "startMs": self.ms(rec.start),
                "endMs": self.ms(rec.end if rec.end is not None else self.end), "cpuMs": round(rec.cpu / 1e6, 4),
                "segments": segs,
            })
        method = getattr(self, "start_method", None)
        return {
            "pid": os.getpid(), "parentPid": self.parent_pid, "name": name,
            **({"startMethod": method} if method in ("fork", "forkserver", "spawn") else {}),
            "startMs": self.ms(self.start), "endMs": self.ms(self.end), "threads": threads,
            "tasks": [t.to_json(self) for t in self.tasks], "calls": self.calls,
            **({"starts": self.starts} if self.starts else {}), **({"submits": self.submits} if self.submits else {}),
        }


def _ready_ns(path):
    try:
        with open(path, "rb") as f:
            return int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None


_original_sleep = time.sleep
_rec = None  # the recorder of this process, once recording


_WAIT_LIBRARIES = ("threading.py", "queue.py", "/multiprocessing/", "/concurrent/futures/", os.path.basename(__file__))


def _label_from_stack(frame):
    """Why a thread waits, from the Python frames above the C call it is blocked in: the innermost frame and
    the library frames that called it, up to the first frame of the program's own code (a thread whose
    innermost frame is the program's own is computing, or waiting for the GIL or a core, not blocked)."""
    depth = 0
    while frame is not None and depth < 12:
        code = frame.f_code
        path = code.co_filename.replace("\\", "/")
        name = code.co_name
        if path.endswith("threading.py"):
            if name in ("join", "_wait_for_tstate_lock"):
                return "join"
        elif path.endswith("queue.py") or path.endswith("multiprocessing/queues.py"):
            return "queue"
        elif path.endswith("concurrent/futures/thread.py") and name == "_worker" and depth == 0:
            return "queue"  # an idle pool thread, in the C get() of its SimpleQueue
        elif path.endswith("concurrent/futures/_base.py") and name in ("result", "wait", "as_completed"):
            return "join"
        elif path.endswith(("popen_fork.py", "multiprocessing/process.py")) and name in ("wait", "poll", "join"):
            return "join"
        elif path.endswith("multiprocessing/pool.py") and name in ("wait", "get", "join"):
            return "join"
        elif path.endswith("multiprocessing/connection.py"):
            return "queue"
        if not any(lib in path for lib in _WAIT_LIBRARIES):
            break
        frame, depth = frame.f_back, depth + 1
    # A plain Lock.acquire is a C call with no frame of its own: that wait stays unlabelled.
    return None


def _labelled(label, fn):
    def wrapper(*args, **kwargs):
        rec = _rec
        if rec is None:
            return fn(*args, **kwargs)
        ident = threading.get_ident()
        if ident in rec.labels:  # the outermost call says best why (Queue.get, not the Condition inside it)
            return fn(*args, **kwargs)
        rec.wait_begin(ident, label)
        try:
            return fn(*args, **kwargs)
        finally:
            rec.wait_end(ident)

    wrapper.__wrapped__ = fn
    wrapper.__name__ = getattr(fn, "__name__", "wrapper")
    wrapper.__qualname__ = getattr(fn, "__qualname__", wrapper.__name__)
    return wrapper


def _patch_waits():
    time.sleep = _labelled("sleep", _original_sleep)
    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into", "send", "sendall", "sendto", "connect", "accept"):
        original = getattr(socket.socket, name)
        setattr(socket.socket, name, _labelled("socket", original))
    for cls_name in ("SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector", "KqueueSelector"):
        cls = getattr(selectors, cls_name, None)
        if cls is not None and "select" in cls.__dict__:
            cls.select = _labelled("select", cls.__dict__["select"])
    for cls, label in ((threading.Condition, "lock"), (threading.Event, "lock"), (threading.Semaphore, "lock")):
        for name in ("wait", "acquire"):
            if name in cls.__dict__:
                setattr(cls, name, _labelled(label, cls.__dict__[name]))
    threading.Thread.join = _labelled("join", threading.Thread.join)
    import concurrent.futures._base as cf_base
    import multiprocessing.pool as mp_pool
    import multiprocessing.process as mp_process
    import queue

    queue.Queue.get = _labelled("queue", queue.Queue.get)
    queue.Queue.put = _labelled("queue", queue.Queue.put)
    cf_base.Future.result = _labelled("join", cf_base.Future.result)
    mp_pool.ApplyResult.wait = _labelled("join", mp_pool.ApplyResult.wait)
    mp_process.BaseProcess.join = _labelled("join", mp_process.BaseProcess.join)


# asyncio tasks ---------------------------------------------------------------------------------------------
class _Task:
    __slots__ = ("id", "name", "coro_name", "thread", "parent", "created", "end", "resumptions", "awaits", "pending")

    def __init__(self, tid, coro_name, parent):
        self.id, self.coro_name, self.parent = tid, coro_name, parent
        self.name = None
        self.thread = threading.get_ident()
        self.created, self.end = _now(), None
        self.resumptions, self.awaits = [], []
        self.pending = None  # (since, label, due) of the await in progress; due: when a sleep was to end

    def to_json(self, rec):
        awaits = list(self.awaits)
        if self.end is None and self.pending is not None:  # still waiting when the recording ended (os._exit)
            awaits.append((self.pending[0], rec.end, self.pending[1], self.pending[2]))
        return {
            "id": self.id, "name": self.name or self.coro_name, "coroutine": self.coro_name, "thread": self.thread,
            "parent": self.parent, "createdMs": rec.ms(self.created),
            "endMs": rec.ms(self.end if self.end is not None else rec.end),
            "resumptions": [{"startMs": rec.ms(s), "endMs": rec.ms(e), "cpuMs": round(c / 1e6, 4)} for s, e, c in self.resumptions],
            "awaits": [
                {"startMs": rec.ms(s), "endMs": rec.ms(e), **({"label": lb} if lb else {}),
                 **({"dueMs": rec.ms(min(max(due, s), e))} if due is not None else {})}
                for s, e, lb, due in awaits
            ],
        }


def _sleep_delay(sleep_coro):
    """The delay an asyncio.sleep coroutine was given (seconds), or None."""
    frame = getattr(sleep_coro, "cr_frame", None)
    delay = frame.f_locals.get("delay") if frame is not None else None
    return delay if isinstance(delay, (int, float)) and delay >= 0 else None


def _await_label(coro, yielded):
    """What the task awaits (a wait label or None), and for a sleep its delay in seconds (else None)."""
    asyncio = sys.modules["asyncio"]
    if getattr(yielded, "_interleave_executor", False):
        return "executor", None
    if isinstance(yielded, asyncio.Task) or type(yielded).__name__ == "_GatheringFuture":
        return "join", None
    inner, owner, name, path = coro, coro, None, ""
    for _ in range(32):
        code = getattr(inner, "cr_code", None) or getattr(inner, "gi_code", None)
        if code is not None:
            owner, name, path = inner, code.co_name, code.co_filename.replace("\\", "/")
        nxt = getattr(inner, "cr_await", None) or getattr(inner, "gi_yieldfrom", None)
        if nxt is None:
            break
        inner = nxt
    if path.endswith("asyncio/tasks.py") and name == "sleep":
        return "sleep", _sleep_delay(owner)
    if path.endswith(("asyncio/streams.py", "asyncio/selector_events.py", "asyncio/base_events.py")):
        return "socket", None
    if path.endswith("asyncio/locks.py"):
        return "lock", None
    if path.endswith("asyncio/queues.py"):
        return "queue", None
    if path.endswith("asyncio/threads.py") or type(yielded).__name__ == "Future" and name == "to_thread":
        return "executor", None
    return None, None


class _Coro(collections.abc.Coroutine):
    """Wraps a task's coroutine to time each resumption and each await between."""

    __slots__ = ("_coro", "_task", "__qualname__", "__name__")

    def __init__(self, coro, task):
        self._coro, self._task = coro, task
        self.__qualname__ = getattr(coro, "__qualname__", type(coro).__name__)
        self.__name__ = getattr(coro, "__name__", self.__qualname__)

    def _step(self, method, *args):
        task = self._task
        start = _now()
        if task.pending is not None:
            task.awaits.append((task.pending[0], start, task.pending[1], task.pending[2]))
            task.pending = None
        if task.name is None:
            current = sys.modules["asyncio"].current_task()
            task.name = current.get_name() if current is not None else None
        cpu = time.thread_time_ns()
        try:
            yielded = method(*args)
        except BaseException:
            end = _now()
            task.resumptions.append((start, end, time.thread_time_ns() - cpu))
            task.end = end
            raise
        end = _now()
        task.resumptions.append((start, end, time.thread_time_ns() - cpu))
        label, delay = _await_label(self._coro, yielded)
        task.pending = (end, label, None if delay is None else end + int(delay * 1e9))
        return yielded

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __getattr__(self, name):  # cr_frame, cr_code … for debuggers and reprs
        return getattr(self._coro, name)


def _task_factory(loop, coro, context=None):
    asyncio = sys.modules["asyncio"]
    rec = _rec
    if rec is not None and asyncio.iscoroutine(coro) and not isinstance(coro, _Coro):
        parent = None
        try:
            current = asyncio.current_task(loop)
            parent = getattr(current, "_interleave_id", None)
        except RuntimeError:
            pass
        task = _Task(len(rec.tasks), getattr(coro, "__qualname__", type(coro).__name__), parent)
        rec.tasks.append(task)
        coro = _Coro(coro, task)
        made = asyncio.Task(coro, loop=loop, context=context) if context is not None else asyncio.Task(coro, loop=loop)
        made._interleave_id = task.id
        return made
    return asyncio.Task(coro, loop=loop, context=context) if context is not None else asyncio.Task(coro, loop=loop)


class _OnImport:
    """A finder that lets the module `name` load as usual, then hands it to `patch`: importing asyncio
    only to patch it would slow the start of every recorded process, a spawned child's included, that
    never uses it."""

    def __init__(self, name, patch):
        self.name, self.patch = name, patch

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                exec_module, patch = spec.loader.exec_module, self.patch

                def run(module):
                    exec_module(module)
                    patch(module)

                spec.loader.exec_module = run
                return spec
        return None


def _patch_asyncio(now):
    if now or "asyncio.base_events" in sys.modules:
        import asyncio.base_events

        _patch_loop(asyncio.base_events)
    else:
        sys.meta_path.insert(0, _OnImport("asyncio.base_events", _patch_loop))


def _patch_loop(base):
    original = base.BaseEventLoop.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.set_task_factory(_task_factory)

    base.BaseEventLoop.__init__ = init

    run_in_executor = base.BaseEventLoop.run_in_executor

    def in_executor(self, *args, **kwargs):
        future = run_in_executor(self, *args, **kwargs)
        future._interleave_executor = True  # awaiting it is waiting for the executor (to_thread included)
        return future

    base.BaseEventLoop.run_in_executor = in_executor


# Threads, pools and processes ------------------------------------------------------------------------------
def _record_call(kind, fn, received=None):
    """fn, recording each call. received: (ns, bytes) of the message that brought it to a pool worker."""
    def call(*args, **kwargs):
        rec = _rec
        if rec is None:
            return fn(*args, **kwargs)
        start, cpu = _now(), time.thread_time_ns()
        try:
            return fn(*args, **kwargs)
        finally:
            ident = threading.get_ident()
            done = {
                "thread": ident, "kind": kind,
                "name": getattr(fn, "__qualname__", getattr(fn, "__name__", type(fn).__name__)),
                "startMs": rec.ms(start), "endMs": rec.ms(_now()), "cpuMs": round((time.thread_time_ns() - cpu) / 1e6, 4),
                **({"receivedMs": rec.ms(received[0]), "argsBytes": received[1]} if received else {}),
            }
            rec.calls.append(done)
            if received:  # one message brought this call alone: the next one the worker sends is its result
                rec.replying[ident] = done

    return call


def _patch_threads_and_pools():
    import concurrent.futures.process as cf_process
    import concurrent.futures.thread as cf_thread
    import functools
    import multiprocessing.pool as mp_pool
    import multiprocessing.process as mp_process
    import multiprocessing.queues as mp_queues

    bootstrap_inner = threading.Thread._bootstrap_inner

    def inner(self):
        rec = _rec
        if rec is None or getattr(self, "_interleave_skip", False):
            return bootstrap_inner(self)
        rec.thread_begin(self.name)  # current_thread() is not registered yet here
        try:
            return bootstrap_inner(self)
        finally:
            rec.thread_end()

    threading.Thread._bootstrap_inner = inner

    work_run = cf_thread._WorkItem.run

    def run(self):
        rec = _rec
        if rec is None:
            return work_run(self)
        self.fn = _record_call("thread-pool", self.fn)
        return work_run(self)

    cf_thread._WorkItem.run = run

    def pool_item(item):
        received = _rec.received.pop(threading.get_ident(), None)
        if isinstance(item, cf_process._CallItem):
            fn = item.fn
            if isinstance(fn, functools.partial) and fn.func is cf_process._process_chunk:
                alone = received if len(fn.args) > 1 and len(fn.args[1]) == 1 else None
                item.fn = functools.partial(cf_process._process_chunk, _record_call("process-pool", fn.args[0], alone), *fn.args[1:])
            else:
                item.fn = _record_call("process-pool", fn, received)
        elif isinstance(item, tuple) and len(item) == 5 and callable(item[2]):
            job, i, func, args, kwds = item
            if func in (mp_pool.mapstar, mp_pool.starmapstar) and args and isinstance(args[0], tuple):
                chunk = args[0][1] if len(args[0]) > 1 else ()
                alone = received if hasattr(chunk, "__len__") and len(chunk) == 1 else None
                args = ((_record_call("process-pool", args[0][0], alone),) + tuple(args[0][1:]),) + tuple(args[1:])
            else:
                func = _record_call("process-pool", func, received)
            item = (job, i, func, args, kwds)
        return item

    # A pool worker's messages: when each one's header arrived (the worker had waited for work until then)
    # and its size. From there to the call is reading the pipe and unpickling the arguments.
    import multiprocessing.connection as mp_connection

    original_recv = mp_connection.Connection._recv

    def recv(self, size, *args, **kwargs):
        buf = original_recv(self, size, *args, **kwargs)
        rec = _rec
        if rec is not None and getattr(rec, "pool_worker", False):
            ident = threading.get_ident()
            if size == 4:
                rec.received[ident] = (_now(), 0)
            elif ident in rec.received:
                rec.received[ident] = (rec.received[ident][0], size)
        return buf

    mp_connection.Connection._recv = recv

    # The message a pool worker sends after a call is that call's result: its size is what came back.
    original_send_bytes = mp_connection.Connection._send_bytes

    def send_bytes(self, buf, *args, **kwargs):
        rec = _rec
        done = rec.replying.pop(threading.get_ident(), None) if rec is not None and rec.replying else None
        if done is None:
            return original_send_bytes(self, buf, *args, **kwargs)
        done["resultBytes"] = len(buf)
        try:
            return original_send_bytes(self, buf, *args, **kwargs)
        finally:
            # Pickled, and written into a pipe the parent reads as it goes: a big result is sent when the
            # parent has read all but what the pipe holds.
            done["resultSentMs"] = rec.ms(_now())

    mp_connection.Connection._send_bytes = send_bytes

    def submitted(fn, count=lambda *a, **k: 1):
        def wrapper(self, *args, **kwargs):
            rec = _rec
            if rec is not None:
                at = rec.ms(_now())
                rec.submits.extend([at] * count(*args, **kwargs))
            return fn(self, *args, **kwargs)

        wrapper.__wrapped__ = fn
        return wrapper

    def mapped(func, iterable=(), *args, **kwargs):
        return len(iterable) if hasattr(iterable, "__len__") else 0

    mp_pool.Pool.apply_async = submitted(mp_pool.Pool.apply_async)
    mp_pool.Pool._map_async = submitted(mp_pool.Pool._map_async, mapped)
    cf_process.ProcessPoolExecutor.submit = submitted(cf_process.ProcessPoolExecutor.submit)

    process_start = mp_process.BaseProcess.start

    def start(self):
        rec = _rec
        if rec is not None:
            rec.starts.append({"name": self.name, "atMs": rec.ms(_now())})
        return process_start(self)

    mp_process.BaseProcess.start = start

    for cls in (mp_queues.Queue, mp_queues.SimpleQueue):
        original_get = cls.get

        def get(self, *args, _original=original_get, **kwargs):
            item = _original(self, *args, **kwargs)
            return pool_item(item) if getattr(_rec, "pool_worker", False) else item

        cls.get = get

    bootstrap = mp_process.BaseProcess._bootstrap

    def child_bootstrap(self, *args, **kwargs):
        global _rec
        parent = _rec.pid if _rec is not None else os.getppid()
        target = getattr(self, "_target", None)
        module = getattr(target, "__module__", "") or ""
        rec = _Recorder(int(os.environ.get(_ENV_T0, _now())), float(os.environ.get(_ENV_INTERVAL, "1")), parent)
        rec.pool_worker = module in ("multiprocessing.pool", "concurrent.futures.process")
        rec.start_method = getattr(self, "_start_method", None) or _start_method()
        _rec = rec
        rec.pid = os.getpid()
        rec.process_name = self.name
        rec.begin()
        if not rec.pool_worker and target is not None:
            self._target = _record_call("process", target)
        try:
            return bootstrap(self, *args, **kwargs)
        finally:
            if rec.end is None:
                rec.finish()
                _write_child(rec, self.name)

    mp_process.BaseProcess._bootstrap = child_bootstrap


def _write_child(rec, name):
    folder = os.environ.get(_ENV_DIR)
    if not folder:
        return
    data = rec.to_json(name)
    path = os.path.join(folder, "%d.json" % os.getpid())
    try:
        with open(path + ".tmp", "w") as f:
            json.dump(data, f, separators=(",", ":"))
        os.replace(path + ".tmp", path)
    except OSError:  # the parent has already written the recording and removed the folder
        pass


def _patch_spawn():
    import multiprocessing.spawn as spawn

    original = spawn.get_command_line
    here = os.path.abspath(__file__)

    def get_command_line(**kwargs):
        cmd = original(**kwargs)
        if "-c" in cmd:
            i = cmd.index("-c") + 1
            boot = (
                "import importlib.util as _u;_s=_u.spec_from_file_location('interleave_record',%r);"
                "_m=_u.module_from_spec(_s);_s.loader.exec_module(_m);_m.install();" % here
            )
            cmd = cmd[:i] + [boot + cmd[i]] + cmd[i + 1:]
        return cmd

    spawn.get_command_line = get_command_line


_installed = False


def install(asyncio_now=False):
    """Patch the standard library so that this process and its children can be recorded. asyncio_now:
    import asyncio at once (the program's own process, before its clock starts), else when the program
    first imports it (a spawned child, whose start-up the parent waits for)."""
    global _installed
    if _installed:
        return
    _installed = True
    _patch_waits()
    _patch_asyncio(asyncio_now)
    _patch_threads_and_pools()
    _patch_spawn()
    _patch_exit()


# Running a program -----------------------------------------------------------------------------------------
def _merge(folder):
    children = []
    for entry in sorted(os.listdir(folder)):
        if entry.endswith(".json"):
            try:
                with open(os.path.join(folder, entry)) as f:
                    children.append(json.load(f))
            except (OSError, ValueError):
                continue
    return sorted(children, key=lambda c: c["startMs"])


def _start_method():
    import multiprocessing

    try:
        return multiprocessing.get_start_method(allow_none=True) or multiprocessing.get_context().get_start_method()
    except (ValueError, RuntimeError):
        return None


def record(target, args, is_module=False, interval_ms=1.0, on_exit=None):
    """Run a script (or module) as __main__ and return its recording as a dict.

    A program that ends itself with os._exit() (a watchdog that gives up on deadlocked threads) skips
    every finally block: then on_exit(recording) is called first, if given, from the exiting thread."""
    global _rec, _exit_hook
    install(asyncio_now=True)
    folder = tempfile.mkdtemp(prefix="interleave-")
    os.environ[_ENV_DIR], os.environ[_ENV_INTERVAL] = folder, str(interval_ms)
    rec = _Recorder(_now(), interval_ms, None)  # begin() below starts its clock
    rec.pid = os.getpid()
    _rec = rec
    old_argv, old_path0 = sys.argv, sys.path[0]
    sys.argv = [target] + list(args)
    # As python3 itself does: the script's folder first, or for -m the current directory.
    sys.path[0] = os.getcwd() if is_module else os.path.dirname(os.path.abspath(target))
    argv = [("-m " if is_module else "") + target] + list(args)
    if on_exit is not None:
        _exit_hook = lambda status: on_exit(_collect(rec, folder, interval_ms, argv, status, True))
    status = 0
    rec.begin()
    os.environ[_ENV_T0] = str(rec.t0)  # children count from the same moment
    try:
        if is_module:
            runpy.run_module(target, run_name="__main__", alter_sys=True)
        else:
            runpy.run_path(target, run_name="__main__")
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        for t in threading.enumerate():
            if t is not threading.current_thread() and not t.daemon:
                t.join()
        with _exit_lock:
            claimed, _exit_hook = _exit_hook is None and on_exit is not None, None
        if claimed:  # another thread is in os._exit, writing the recording: the process ends there
            threading.Event().wait()
        rec.finish()
        _rec = None
        sys.argv = old_argv
        sys.path[0] = old_path0
    return _collect(rec, folder, interval_ms, argv, status, False)


def _collect(rec, folder, interval_ms, argv, status, exited):
    """The recording of a finished run: this process and every child that wrote its own into folder."""
    if exited:
        rec.finish()
        # Children it has just terminated write their recordings as they go: give them a moment.
        mp = sys.modules.get("multiprocessing")
        deadline = time.monotonic() + 1.0
        for child in mp.active_children() if mp is not None else []:
            child.join(max(0.0, deadline - time.monotonic()))
    root = rec.to_json("MainProcess")
    children = _merge(folder)
    for name in os.listdir(folder):
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass
    try:
        os.rmdir(folder)
    except OSError:
        pass
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    return {
        "format": FORMAT, "version": VERSION,
        "recorder": {"sampleIntervalMs": interval_ms, "cpuClock": "pthread_getcpuclockid" if _cpu_clock else "none"},
        "python": {"version": "%d.%d.%d" % sys.version_info[:3], "implementation": sys.implementation.name, "gil": bool(gil),
                   "switchIntervalMs": round(sys.getswitchinterval() * 1000, 6)},
        "machine": {"cores": os.cpu_count() or 1, "platform": sys.platform},
        "program": {"argv": argv, "exitStatus": status, "startMethod": _start_method(), **({"exit": "os._exit"} if exited else {})},
        "durationMs": root["endMs"],
        "processes": [root] + children,
    }


_exit_hook = None  # record()'s on_exit, while the program runs; taken by whichever ends first
_exit_lock = _thread.allocate_lock()


def _patch_exit():
    """os._exit ends the process at once, past every finally: write the recording first."""
    original = os._exit

    def _exit(status):
        global _exit_hook
        rec = _rec
        try:
            if rec is not None and getattr(rec, "pid", None) == os.getpid() and rec.end is None:
                if rec.parent_pid is None:
                    with _exit_lock:
                        hook, _exit_hook = _exit_hook, None
                    if hook is not None:
                        hook(status if isinstance(status, int) else 1)
                elif rec.parent_pid is not None:
                    rec.finish()
                    _write_child(rec, getattr(rec, "process_name", "Process"))
        finally:
            original(status)

    _exit.__wrapped__ = original
    os._exit = _exit


def _self_test(out, runs=7):
    """Time a known I/O-bound and CPU-bound workload with and without recording; print the overhead.

    Each workload prints its own wall time and the CPU time of its process (the sampler's included), so
    that interpreter and recorder start-up and the writing of the file are left out. Plain and recorded
    runs alternate, and the medians are compared. The wall time of the CPU-bound workload is the target;
    its CPU time shows the same cost without the noise of other programs on a busy machine.
    """
    here = os.path.abspath(__file__)
    clock = "t0=time.perf_counter();c0=time.process_time()\n"
    report = "print(time.perf_counter()-t0, time.process_time()-c0)\n"
    work = {
        "I/O-bound (8 threads sleeping 20 x 10 ms)": "import threading,time\n" + clock +
        "def f():\n    for _ in range(20): time.sleep(0.01)\n"
        "ts=[threading.Thread(target=f) for _ in range(8)]\n[t.start() for t in ts]\n[t.join() for t in ts]\n" + report,
        "CPU-bound (2 threads counting to 3 000 000)": "import threading,time\n" + clock +
        "def f():\n    n=0\n    for i in range(3_000_000): n+=i\n"
        "ts=[threading.Thread(target=f) for _ in range(2)]\n[t.start() for t in ts]\n[t.join() for t in ts]\n" + report,
    }
    load = _load()
    with tempfile.TemporaryDirectory() as d:
        rows = []
        for title, source in work.items():
            path = os.path.join(d, "work.py")
            with open(path, "w") as f:
                f.write(source)
            plain, recorded = [], []
            for _ in range(runs):
                plain.append(_timed([sys.executable, path]))
                recorded.append(_timed([sys.executable, here, "-o", os.path.join(d, "r.json"), path]))
            rows.append((title, _median([w for w, _ in plain]), _median([w for w, _ in recorded]),
                         _median([c for _, c in plain]), _median([c for _, c in recorded])))
    out.write("%-44s %9s %9s %8s  %9s %9s %10s\n" % ("workload", "wall", "recorded", "overhead", "cpu", "recorded", "extra cpu"))
    for title, pw, rw, pc, rc in rows:
        out.write("%-44s %6.1f ms %6.1f ms %6.1f %%  %6.1f ms %6.1f ms %8.1f %%\n" % (
            title, pw * 1e3, rw * 1e3, (rw - pw) / pw * 100, pc * 1e3, rc * 1e3, (rc - pc) / pw * 100))
    out.write("targets: below 5 %% (I/O-bound) and 15 %% (CPU-bound) in wall time. Median of %d runs each, start-up "
              "left out; extra cpu: the recorder's CPU time as a share of the plain wall time.\n"
              "Load average %s before, %s after (on a busy machine the wall times are noisy).\n" % (runs, load, _load()))
    return 0


def _median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def _load():
    try:
        return "%.2f" % os.getloadavg()[0]
    except (AttributeError, OSError):
        return "unknown"


def _timed(cmd):
    """The workload's own wall and CPU time, in seconds (it prints them)."""
    import subprocess

    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    wall, cpu = done.stdout.split()[-2:]
    return float(wall), float(cpu)


USAGE = "usage: interleave_record.py [-o run.json] [--interval-ms MS] (script.py | -m module) [args...] | --self-test\n"


def main(argv):
    out_path, interval, i = "recording.json", 1.0, 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            sys.stdout.write(USAGE + __doc__)
            return 0
        if a == "--self-test":
            return _self_test(sys.stdout)
        if a == "-o" and i + 1 < len(argv):
            out_path, i = argv[i + 1], i + 2
        elif a == "--interval-ms" and i + 1 < len(argv):
            try:
                interval = float(argv[i + 1])
            except ValueError:
                interval = -1
            if not 0.1 <= interval <= 100:
                sys.stderr.write("interleave_record: --interval-ms must be a number from 0.1 to 100\n")
                return 2
            i += 2
        elif a == "-m" and i + 1 < len(argv):
            data = record(argv[i + 1], argv[i + 2:], True, interval, lambda d: _write(out_path, d))
            break
        elif a.startswith("-"):
            sys.stderr.write("interleave_record: unknown option %s\n%s" % (a, USAGE))
            return 2
        else:
            data = record(a, argv[i + 1:], False, interval, lambda d: _write(out_path, d))
            break
    else:
        sys.stderr.write(USAGE)
        return 2
    _write(out_path, data)
    return data["program"]["exitStatus"] if isinstance(data["program"]["exitStatus"], int) else 1


def _write(out_path, data):
    with open(out_path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    sys.stderr.write("interleave_record: %s written (%.1f ms, %d process(es))\n" % (out_path, data["durationMs"], len(data["processes"])))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
