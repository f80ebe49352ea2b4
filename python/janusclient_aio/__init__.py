# janusclient_aio: asyncio for janus-client's GObject Introspection API.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
"""asyncio on top of janus-client's GIO-style asynchronous calls.

PyGObject 3.42 (Debian 12) has no asyncio integration, and janus-client
completes every request in the GLib main context. This module runs
asyncio's event loop *through* GLib: :class:`GLibSelector` is an asyncio
selector whose ``select()`` blocks in ``GLib.MainContext.iteration()``
with asyncio's file descriptors added to the context as GLib fd sources
and asyncio's next timer as a GLib timeout. One poll serves both worlds:
GLib callbacks (our replies, GStreamer bus messages, signals) run while
asyncio waits, asyncio callbacks run as soon as GLib wakes up, nothing
polls on a timer and nothing runs in another thread.

Usage::

    import janusclient_aio as jca

    async def main():
        async with jca.connect("ws://127.0.0.1:8188") as client:
            info = await jca.call(client, "info")
            async with jca.session(client) as session:
                echo = await jca.call(JanusClient.EchoTest, "attach", session, None)

    jca.run(main())

:func:`call` turns any GIO async pair (``obj.NAME_async(..., cancellable,
callback)`` / ``obj.NAME_finish(result)``) into an awaitable; cancelling
the awaiting task cancels the call's ``Gio.Cancellable``.
"""

import asyncio
import contextlib
import math
import selectors

import gi

gi.require_version("GLib", "2.0")
gi.require_version("Gio", "2.0")
gi.require_version("JanusClient", "1.0")
from gi.repository import Gio, GLib, GObject, JanusClient  # noqa: E402

__all__ = [
    "GLibSelector",
    "new_event_loop",
    "run",
    "call",
    "Async",
    "wait_signal",
    "connect",
    "session",
]

_READ = GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR
_WRITE = GLib.IOCondition.OUT | GLib.IOCondition.ERR


def _fileobj_to_fd(fileobj):
    fd = fileobj if isinstance(fileobj, int) else int(fileobj.fileno())
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


class GLibSelector(selectors.BaseSelector):
    """An asyncio selector that waits in GLib's default main context.

    Each registered file object becomes a GLib fd source in the default
    main context (where janus-client completes its calls, unless a thread
    pushed its own thread-default context); ``select(timeout)``
    runs one ``context.iteration()``, which dispatches whatever GLib has
    ready (janus-client replies, signals, timeouts) and returns the fds
    that became ready for asyncio.
    """

    def __init__(self):
        self._context = GLib.MainContext.default()
        self._keys = {}  # fd -> SelectorKey
        self._sources = {}  # fd -> GLib source id
        self._ready = {}  # fd -> events seen since the last select()

    def _watch(self, fd, events):
        condition = GLib.IOCondition(0)
        if events & selectors.EVENT_READ:
            condition |= _READ
        if events & selectors.EVENT_WRITE:
            condition |= _WRITE
        self._sources[fd] = GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, fd, condition, self._on_fd, fd)

    def _unwatch(self, fd):
        source_id = self._sources.pop(fd, None)
        if source_id is not None:
            GLib.source_remove(source_id)
        self._ready.pop(fd, None)

    def _on_fd(self, _fd, condition, fd):
        key = self._keys.get(fd)
        if key is not None:
            events = 0
            if condition & _READ and key.events & selectors.EVENT_READ:
                events |= selectors.EVENT_READ
            if condition & _WRITE and key.events & selectors.EVENT_WRITE:
                events |= selectors.EVENT_WRITE
            self._ready[fd] = self._ready.get(fd, 0) | events
        return GLib.SOURCE_CONTINUE

    def register(self, fileobj, events, data=None):
        if not events or events & ~(selectors.EVENT_READ | selectors.EVENT_WRITE):
            raise ValueError("Invalid events: {!r}".format(events))
        fd = _fileobj_to_fd(fileobj)
        if fd in self._keys:
            raise KeyError("{!r} (FD {}) is already registered".format(fileobj, fd))
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self._keys[fd] = key
        self._watch(fd, events)
        return key

    def unregister(self, fileobj):
        fd = _fileobj_to_fd(fileobj)
        key = self._keys.pop(fd)
        self._unwatch(fd)
        return key

    def modify(self, fileobj, events, data=None):
        fd = _fileobj_to_fd(fileobj)
        key = self._keys[fd]
        if events != key.events:
            self.unregister(fileobj)
            return self.register(fileobj, events, data)
        if data != key.data:
            key = key._replace(data=data)
            self._keys[fd] = key
        return key

    def select(self, timeout=None):
        timer = None
        fired = []
        if not self._ready:
            if timeout is None:
                self._context.iteration(True)
            elif timeout <= 0:
                self._context.iteration(False)
            else:
                # Round up: waking before asyncio's timer is due would
                # only make it call select() again at once.
                timer = GLib.timeout_add(max(1, math.ceil(timeout * 1000)), self._on_timer, fired)
                self._context.iteration(True)
        else:
            # Something is ready already: dispatch what GLib has, no wait.
            self._context.iteration(False)
        if timer is not None and not fired:
            GLib.source_remove(timer)
        ready = []
        for fd, events in self._ready.items():
            key = self._keys.get(fd)
            if key is not None and events:
                ready.append((key, events & key.events))
        self._ready.clear()
        return ready

    @staticmethod
    def _on_timer(fired):
        fired.append(True)
        return GLib.SOURCE_REMOVE

    def close(self):
        for fd in list(self._sources):
            self._unwatch(fd)
        self._keys.clear()

    def get_map(self):
        return _KeyMap(self._keys)


class _KeyMap(dict):
    # selectors wants a read-only Mapping from file objects to keys; asyncio
    # only looks up fds, so a view keyed by fd (plus fileobj lookup) does.
    def __init__(self, keys):
        super().__init__(keys)

    def __getitem__(self, fileobj):
        return dict.__getitem__(self, _fileobj_to_fd(fileobj))

    def get(self, fileobj, default=None):
        try:
            return self[fileobj]
        except (KeyError, ValueError):
            return default

    def __contains__(self, fileobj):
        return self.get(fileobj) is not None


def new_event_loop():
    """Returns an asyncio event loop that also runs GLib's default main
    context (use it from the main thread, or the thread that owns it)."""
    return asyncio.SelectorEventLoop(GLibSelector())


def run(main, *, debug=None):
    """Like asyncio.run(), on an event loop from :func:`new_event_loop`."""
    with asyncio.Runner(debug=debug, loop_factory=new_event_loop) as runner:
        return runner.run(main)


def _arg_names(function):
    try:
        return [a.get_name() for a in function.get_arguments()]
    except AttributeError:  # not a GI function: assume the GIO convention
        return ["cancellable", "callback", "user_data"]


async def call(obj, name, *args, cancellable=None):
    """Calls ``obj.NAME_async(*args, cancellable, callback)`` and returns
    ``obj.NAME_finish(result)``'s return value (a tuple when the finish
    function has out parameters) or raises its ``GLib.Error``.

    ``obj`` is an instance for methods (``call(client, "info")``) or a
    class for static functions (``call(JanusClient.EchoTest, "attach",
    session, None)``). Cancelling the awaiting task (``task.cancel()``,
    ``asyncio.wait_for`` timing out) cancels ``cancellable`` (a new
    ``Gio.Cancellable`` when None) before the task sees CancelledError;
    GIO still completes the call, with ``G_IO_ERROR_CANCELLED``, which is
    swallowed. Await it in a loop made by :func:`new_event_loop`.
    """
    loop = asyncio.get_running_loop()
    start = getattr(obj, name + "_async")
    finish = getattr(obj, name + "_finish")
    if cancellable is None:
        cancellable = Gio.Cancellable()
    future = loop.create_future()

    def done(source, result, *user_data):
        try:
            value = finish(result)
        except GLib.Error as error:
            if not future.done():
                future.set_exception(error)
            return
        except BaseException as error:  # a bug in the bindings: surface it
            if not future.done():
                future.set_exception(error)
            return
        if not future.done():
            future.set_result(value)

    kwargs = {"callback": done}
    names = _arg_names(start)  # the in-arguments after self (for methods)
    if "cancellable" in names:
        index = names.index("cancellable")
        if len(args) > index:
            # The caller passed the cancellable positionally (None or one
            # of theirs): use it in place, so cancelling still works.
            if args[index] is not None:
                cancellable = args[index]
            args = args[:index] + (cancellable,) + args[index + 1:]
        else:
            kwargs["cancellable"] = cancellable
    start(*args, **kwargs)
    try:
        return await future
    except asyncio.CancelledError:
        cancellable.cancel()
        raise


class Async:
    """``await Async(obj).NAME(*args)`` is ``await call(obj, "NAME", *args)``."""

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, name):
        if not hasattr(self._obj, name + "_async"):
            raise AttributeError("{!r} has no {}_async".format(self._obj, name))

        async def method(*args, cancellable=None):
            return await call(self._obj, name, *args, cancellable=cancellable)

        method.__name__ = name
        return method


def wait_signal(obj, signal, *, timeout=None, check=None):
    """A future for the next emission of ``signal`` on ``obj`` (for which
    ``check(*args)`` is true, when given); it resolves to the tuple of the
    signal's arguments (without ``obj``). With ``timeout`` (seconds) it
    raises ``TimeoutError`` after that long."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def handler(_obj, *args):
        if not future.done() and (check is None or check(*args)):
            future.set_result(args)

    # GObject.Object's own connect: some classes (Gio.Cancellable) have a
    # connect method of their own.
    handler_id = GObject.Object.connect(obj, signal, handler)

    def disconnect(_fut):
        if GObject.signal_handler_is_connected(obj, handler_id):
            GObject.signal_handler_disconnect(obj, handler_id)

    future.add_done_callback(disconnect)
    if timeout is None:
        return future
    return asyncio.wait_for(future, timeout)


@contextlib.asynccontextmanager
async def connect(uri, *, timeout=None):
    """``async with connect(uri) as client``: a connected JanusClient.Client,
    closed on exit."""
    client = JanusClient.Client.new_for_uri(uri)
    if timeout is not None:
        client.set_timeout(int(timeout * 1000))
    await call(client, "connect")
    try:
        yield client
    finally:
        client.close()


@contextlib.asynccontextmanager
async def session(client, session_id=0):
    """``async with session(client) as session``: creates a Janus session
    (what the Python janus-client's ``async with session:`` does) and
    destroys it on exit, unless Janus already dropped it."""
    sess = await call(client, "create_session", session_id)
    try:
        yield sess
    finally:
        if sess.is_alive() and client.is_connected():
            with contextlib.suppress(GLib.Error):
                await call(sess, "destroy")
