# conftest.py: one private Janus for the whole Python suite.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import gc

import pytest

import jctest
from jctest import wait
from gi.repository import JanusClient


@pytest.fixture(scope="session")
def janus():
    server = jctest.LocalJanus()
    yield server
    server.stop()


@pytest.fixture
def media_janus(janus):
    if not janus.media:
        pytest.skip("media needs Janus in a network namespace, which needs root")
    return janus


@pytest.fixture
def client(janus):
    c = JanusClient.Client.new_for_uri(janus.ws)
    assert wait(c, "connect") is True
    yield c
    c.close()


@pytest.fixture
def session(client):
    s = wait(client, "create_session", 0)
    yield s
    if s.is_alive():
        wait(s, "destroy")


@pytest.fixture(autouse=True)
def collect():
    yield
    gc.collect()
