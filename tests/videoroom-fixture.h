/* videoroom-fixture.h: a JcVideoRoom on an in-process fake Janus, for the
 * hostile-server tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fixture records every signal the handle emits in a log string
 * ("leaving(100,bye);publishers(5:five[0]);"…; ids that are strings are
 * quoted, missing strings are "-") and every "error" signal's GError. The
 * JSON given to its helpers is written with single quotes, turned into
 * double quotes before it is sent.
 */
#pragma once

#include "fake-janus.h"
#include "jc-json-private.h"
#include "jc-test-util.h"

G_BEGIN_DECLS

#define VRF_SDP "v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\nm=video 9 UDP/TLS/RTP/SAVPF 96\\r\\nc=IN IP4 0.0.0.0\\r\\na=mid:0\\r\\na=rtpmap:96 VP8/90000\\r\\n"
#define VRF_OFFER "{'type': 'offer', 'sdp': '" VRF_SDP "'}"
#define VRF_ANSWER "{'type': 'answer', 'sdp': '" VRF_SDP "'}"
#define VRF_STREAMS2 "'streams': [{'type': 'audio', 'mindex': 0, 'mid': '0', 'codec': 'opus'}, {'type': 'video', 'mindex': 1, 'mid': '1', 'codec': 'vp8'}]"
#define VRF_ALICE "{'id': 100, 'display': 'alice', " VRF_STREAMS2 "}"
#define VRF_JOINED "{'videoroom': 'joined', 'room': 1234, 'description': 'Demo', 'id': 1, 'private_id': 777, 'publishers': [" VRF_ALICE "]}"
#define VRF_JOINED_STR "{'videoroom': 'joined', 'room': 'lobby', 'id': 'me', 'private_id': 777, 'publishers': [{'id': 'alice', 'display': 'alice', " VRF_STREAMS2 "}]}"
#define VRF_SUB_STREAM "{'type': 'video', 'mindex': 0, 'mid': '0', 'feed_id': 100, 'feed_mid': '1', 'feed_display': 'alice'}"
#define VRF_ATTACHED "{'videoroom': 'attached', 'room': 1234, 'streams': [" VRF_SUB_STREAM "]}"

typedef enum
{
  VRF_NONE,      /* attached, in no room */
  VRF_PUBLISHER, /* joined room 1234 as 1 (private id 777); alice (100) publishes */
  VRF_SUB,       /* subscribed to 100 in room 1234: one stream, mid 0 */
  VRF_SUB_PEER,  /* the same, with a peer that answers offers */
  VRF_STRING,    /* joined room "lobby" as "me"; "alice" publishes */
} VrfSetup;

typedef struct
{
  FakeJanus *fake;
  JcClient *client;
  JcSession *session;
  JcVideoRoom *vr;
  JcPeer *peer; /* (nullable) */
  VrfSetup setup;
  GString *log;      /* the signals emitted, in order */
  GPtrArray *errors; /* (element-type GError) of the "error" signal */
  char *reply;       /* (nullable) plugin data answering every message */
  char *reply_jsep;  /* (nullable) its JSEP */
} Vrf;

void vrf_setup (Vrf *f, VrfSetup setup);
void vrf_teardown (Vrf *f, gconstpointer data);

/* Single quotes to double quotes. */
char *vrf_dq (const char *text);
/* "1234", "'lobby'" or "NULL" */
char *vrf_id_text (const JcId *id);
/* What the handle knows now: its publishers sorted by id ("100:alice[2]",
 * comma-separated) or, for subscriber setups, its streams in order
 * ("0>100"). */
char *vrf_state (Vrf *f);

/* The plugin data (and JSEP) the fake answers messages with from now on. */
void vrf_script (Vrf *f, const char *data, const char *jsep);
/* Waits until everything the fake sent so far was handled. */
void vrf_roundtrip (Vrf *f);
/* Sends an unsolicited event with @data and @jsep, then a roundtrip. */
void vrf_push (Vrf *f, const char *data, const char *jsep);
GPtrArray *vrf_feeds (guint64 id);

/* @code 0: JC_ERROR_PROTOCOL, else a JC_PLUGIN_ERROR code; @text must be
 * in the message. */
void vrf_assert_error (const GError *error, int code, const char *text);
/* A well-formed event is parsed as usual and the state is sane; @joined:
 * whether the handle should still be in its room. Clears the log. */
void vrf_assert_still_working (Vrf *f, gboolean joined);

G_END_DECLS
