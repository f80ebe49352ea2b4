/* jc-peer-ice.c: a peer's ICE and its handle — our candidates trickled
 * to Janus, Janus's added to webrtcbin, the connection states, and the
 * handle's signals (trickle, webrtcup, detached)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * webrtcbin's callbacks run on its threads: they copy what they need and
 * hop to the peer's context (jc_peer_hop); everything else runs there.
 */
#include "config.h"

#include <gst/webrtc/webrtc.h>

#include "jc-json-private.h"
#include "jc-peer-private.h"

/* ICE: local candidates */

typedef struct
{
  guint mline;
  char *candidate;
} CandidateHop;

static void
candidate_hop_free (gpointer data)
{
  CandidateHop *c = data;

  g_free (c->candidate);
  g_free (c);
}

static void
deliver_candidate (JcPeer *self, gpointer data)
{
  CandidateHop *c = data;

  if (self->stopped || self->handle == NULL || !jc_handle_is_attached (self->handle))
    return;
  jc_handle_trickle_async (self->handle, c->candidate, NULL, (int) c->mline, NULL, NULL, NULL);
}

/* webrtcbin's thread: copy, hop, nothing else. */
static void
on_ice_candidate (GstElement *webrtc, guint mline, const char *candidate, gpointer user_data)
{
  CandidateHop *c = g_new0 (CandidateHop, 1);

  c->mline = mline;
  c->candidate = g_strdup (candidate);
  jc_peer_hop (user_data, deliver_candidate, c, candidate_hop_free);
}

static void
deliver_gathering (JcPeer *self, gpointer data)
{
  GstWebRTCICEGatheringState state;

  g_object_get (self->webrtc, "ice-gathering-state", &state, NULL);
  if (state != GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE || self->sent_completed || self->stopped)
    return;
  self->sent_completed = TRUE;
  if (self->handle != NULL && jc_handle_is_attached (self->handle))
    jc_handle_trickle_async (self->handle, NULL, NULL, -1, NULL, NULL, NULL);
}

static void
on_gathering_state (GObject *webrtc, GParamSpec *pspec, gpointer user_data)
{
  jc_peer_hop (user_data, deliver_gathering, NULL, NULL);
}

static const char *
enum_nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : "unknown";
}

static void
deliver_states (JcPeer *self, gpointer data)
{
  GstWebRTCICEConnectionState ice;
  GstWebRTCPeerConnectionState pc;
  const char *ice_nick, *pc_nick;

  g_object_get (self->webrtc, "ice-connection-state", &ice, "connection-state", &pc, NULL);
  ice_nick = enum_nick (GST_TYPE_WEBRTC_ICE_CONNECTION_STATE, ice);
  pc_nick = enum_nick (GST_TYPE_WEBRTC_PEER_CONNECTION_STATE, pc);
  if (g_strcmp0 (self->ice_state, ice_nick) != 0)
    {
      g_free (self->ice_state);
      self->ice_state = g_strdup (ice_nick);
      g_debug ("Handle %" G_GUINT64_FORMAT ": ICE %s", self->handle_id, ice_nick);
      g_object_notify (G_OBJECT (self), "ice-state");
    }
  if (g_strcmp0 (self->connection_state, pc_nick) != 0)
    {
      g_free (self->connection_state);
      self->connection_state = g_strdup (pc_nick);
      g_object_notify (G_OBJECT (self), "connection-state");
    }
}

static void
on_state_notify (GObject *webrtc, GParamSpec *pspec, gpointer user_data)
{
  jc_peer_hop (user_data, deliver_states, NULL, NULL);
}

/* ICE: remote candidates */

void
jc_peer_add_remote_candidate (JcPeer *self, JsonObject *candidate)
{
  gboolean completed = FALSE;
  const char *line = jc_json_lookup_string (candidate, "candidate");
  gint64 mline = 0;

  if (jc_json_lookup_bool (candidate, "completed", &completed) && completed)
    {
      g_signal_emit_by_name (self->webrtc, "add-ice-candidate", 0, "");
      return;
    }
  if (line == NULL)
    {
      g_debug ("Ignoring a trickled candidate without a candidate line");
      return;
    }
  if (!jc_json_lookup_int (candidate, "sdpMLineIndex", &mline) || mline < 0 || mline > 255)
    mline = 0;
  g_signal_emit_by_name (self->webrtc, "add-ice-candidate", (guint) mline, line);
}

/* A plugin handle that drives its peer owns it, and the peer owns its
 * handle: once the handle is detached the peer has nothing more to tell
 * it, so it lets go, which breaks that cycle. */
void
jc_peer_release_handle (JcPeer *self)
{
  if (self->handle == NULL)
    return;
  g_clear_signal_handler (&self->trickle_id, self->handle);
  g_clear_signal_handler (&self->webrtcup_id, self->handle);
  g_clear_signal_handler (&self->detached_id, self->handle);
  g_clear_object (&self->handle);
}

static void
on_handle_detached (JcHandle *handle, gpointer user_data)
{
  JcPeer *self = user_data;

  g_debug ("Handle %" G_GUINT64_FORMAT ": detached, its peer lets go of it", self->handle_id);
  jc_peer_release_handle (self);
  g_object_notify (G_OBJECT (self), "handle");
}

static void
on_handle_trickle (JcHandle *handle, JsonObject *candidate, gpointer user_data)
{
  JcPeer *self = user_data;

  if (self->stopped)
    return;
  if (!self->remote_set)
    {
      g_ptr_array_add (self->pending_candidates, json_object_ref (candidate));
      return;
    }
  jc_peer_add_remote_candidate (self, candidate);
}

static void
on_handle_webrtcup (JcHandle *handle, gpointer user_data)
{
  JcPeer *self = user_data;

  self->webrtcup = TRUE;
  /* Janus drops SRTP that beats its DTLS, sometimes the first keyframe. */
  jc_peer_force_keyframes (self);
}

/* Wiring */

void
jc_peer_ice_connect_webrtc (JcPeer *self)
{
  jc_peer_connect_bridged (self, self->webrtc, "on-ice-candidate", G_CALLBACK (on_ice_candidate));
  jc_peer_connect_bridged (self, self->webrtc, "notify::ice-gathering-state", G_CALLBACK (on_gathering_state));
  jc_peer_connect_bridged (self, self->webrtc, "notify::ice-connection-state", G_CALLBACK (on_state_notify));
  jc_peer_connect_bridged (self, self->webrtc, "notify::connection-state", G_CALLBACK (on_state_notify));
}

void
jc_peer_ice_connect_handle (JcPeer *self)
{
  self->trickle_id = g_signal_connect (self->handle, "trickle", G_CALLBACK (on_handle_trickle), self);
  self->webrtcup_id = g_signal_connect (self->handle, "webrtcup", G_CALLBACK (on_handle_webrtcup), self);
  self->detached_id = g_signal_connect (self->handle, "detached", G_CALLBACK (on_handle_detached), self);
}
