/* jc-peer-private.h: JcPeer's insides, shared by its two source files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gst/gst.h>

#include "jc-media-private.h"
#include "jc-peer.h"

G_BEGIN_DECLS

typedef struct
{
  char *direction; /* (owned) "sent" or "received" */
  char *kind;      /* (owned) */
  char *codec;     /* (owned) */
  GstPad *pad;     /* (owned) webrtcbin's pad */
  gboolean video;
  gssize packets; /* atomic */
  gssize bytes;   /* atomic */
  gssize frames;  /* atomic: sent tracks only (with simulcast, the best layer's) */
  /* Sent simulcast video: one count per layer, told apart by SSRC. */
  gboolean simulcast;
  guint32 layer_ssrc[JC_SIMULCAST_LAYERS];
  gssize layer_packets[JC_SIMULCAST_LAYERS]; /* atomic */
  gssize layer_bytes[JC_SIMULCAST_LAYERS];   /* atomic */
  gssize layer_frames[JC_SIMULCAST_LAYERS];  /* atomic */
} PeerTrack;

/* What webrtcbin's threads may hold: never the peer itself. */
typedef struct
{
  GWeakRef peer;
  GMainContext *context; /* (owned) */
} PeerBridge;

/* jc-peer-guard.c: no new jitter buffer while a remote offer is being
 * answered (webrtcbin 1.22 cannot take one then). */
typedef struct _PeerGuard PeerGuard;

PeerGuard *jc_peer_guard_new (GstElement *webrtc);
void jc_peer_guard_unref (gpointer guard);
void jc_peer_guard_hold (PeerGuard *guard);
void jc_peer_guard_release (PeerGuard *guard);

struct _JcPeer
{
  GObject parent_instance;

  JcHandle *handle;      /* (owned) (nullable) released once detached */
  guint64 handle_id;     /* for log lines, kept after that */
  GMainContext *context; /* (owned) thread-default at construction */
  PeerBridge *bridge;    /* (owned) atomic rc box */
  GstElement *pipeline;  /* (owned) */
  GstElement *webrtc;    /* (unowned) in the pipeline */
  PeerGuard *guard;      /* (owned) atomic rc box */
  GSource *bus_source;   /* (owned) */
  JcMediaSource *source; /* (owned) (nullable) */
  JcMediaSink *sink;     /* (owned) (nullable) */
  GPtrArray *tracks;     /* (owned) PeerTrack; guarded by tracks_lock */
  GMutex tracks_lock;
  GPtrArray *pending_candidates; /* (owned) JsonObject, until the remote description is set */
  GPtrArray *data_channels;      /* (owned) JcDataChannel (jc-data-channel.c) */
  gboolean started;
  gboolean remote_set;
  gboolean webrtcup;
  gboolean sent_completed;
  gboolean stopped;
  char *ice_state;        /* (owned) */
  char *connection_state; /* (owned) */
  GError *error;          /* (owned) (nullable) the first pipeline error */
  gulong trickle_id;
  gulong webrtcup_id;
  gulong detached_id;
  gint64 last_keyframe_answer_us; /* monotonic time of the last PLI/FIR answered */
};

typedef void (*PeerHopFunc) (JcPeer *self, gpointer data);

/* Runs @func (peer, @data) in the peer's context if the peer still lives;
 * @free_data always runs. Any thread. */
void jc_peer_hop (PeerBridge *bridge, PeerHopFunc func, gpointer data, GDestroyNotify free_data);
/* jc-peer-tracks.c */
PeerTrack *jc_peer_add_track (JcPeer *self, const char *direction, const char *kind, const char *codec, GstPad *pad);
void jc_peer_track_free (PeerTrack *track);
/* webrtcbin's pad-added and pad-removed (streaming threads; @user_data is
 * the peer's bridge). */
void jc_peer_on_pad_added (GstElement *webrtc, GstPad *pad, gpointer user_data);
void jc_peer_on_pad_removed (GstElement *webrtc, GstPad *pad, gpointer user_data);
/* Short RTCP intervals on every session of the peer's rtpbin (key-frame
 * requests leave at once), and key frames sent when the other side asks
 * (PLI, FIR). Call when the remote description is set (again after each:
 * sessions already tuned are left alone). */
void jc_peer_tune_rtcp (JcPeer *self);
/* Asks the encoder of every video track we send for a key frame. */
void jc_peer_force_keyframes (JcPeer *self);
/* Records @error as the peer's first error and emits JcPeer::error. */
void jc_peer_set_error (JcPeer *self, GError *error);
/* Connects @callback to @signal of @instance (webrtcbin or one of its
 * objects) with a reference on the peer's bridge as its data: the
 * callback may run on any thread and hops with jc_peer_hop. */
void jc_peer_connect_bridged (JcPeer *self, gpointer instance, const char *signal, GCallback callback);

/* jc-peer-ice.c: our candidates and the connection states (webrtcbin's
 * signals), Janus's candidates and webrtcup (the handle's), and letting
 * go of the handle once it is detached (safe to call twice). */
void jc_peer_ice_connect_webrtc (JcPeer *self);
void jc_peer_ice_connect_handle (JcPeer *self);
void jc_peer_release_handle (JcPeer *self);
void jc_peer_add_remote_candidate (JcPeer *self, JsonObject *candidate);
void jc_peer_teardown (JcPeer *self);
void jc_peer_bridge_unref (gpointer bridge);
char *jc_peer_pad_mid (GstPad *pad);

G_END_DECLS
