/* jc-peer-guard.c: no new jitter buffer while a remote offer is answered
 *
 * webrtcbin 1.22 files the SSRCs of a remote offer (its a=ssrc lines)
 * under their m-lines as soon as the offer is set, but creates the
 * transceivers of new m-lines only when it creates the answer. Whenever
 * rtpbin makes a jitter buffer in between, for any SSRC, webrtcbin looks
 * at every filed SSRC, hits a g_warn_if_reached for those m-lines and
 * leaves the jitter buffer's retransmission setting to chance; a packet
 * that leaves a new jitter buffer in between finds no transceiver at all
 * (a NULL dereference). Janus makes this happen: it offers feeds added to
 * a subscription whose PeerConnection comes up while the answer is being
 * made, and starts sending as soon as it is up.
 *
 * So from just before a remote offer is set until its answer is applied,
 * the guard drops the RTP packets, on their way into rtpbin, of SSRCs
 * that have no jitter buffer yet. Streams that flow already are not
 * touched; a new one loses its first milliseconds, and its decoder asks
 * for a key frame as usual.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "jc-peer-private.h"

struct _PeerGuard
{
  GMutex lock;
  GHashTable *buffered; /* (owned) SSRCs rtpbin has a jitter buffer for */
  GPtrArray *pads;      /* (owned) GWeakRef to rtpbin's receiving sink pads */
  gint holding;         /* atomic: offers being answered (they may overlap) */
  guint64 dropped;      /* under lock */
};

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static PeerGuard *
peer_guard_ref (PeerGuard *guard)
{
  return g_atomic_rc_box_acquire (guard);
}

static void
peer_guard_clear (PeerGuard *guard)
{
  g_mutex_clear (&guard->lock);
  g_hash_table_unref (guard->buffered);
  g_ptr_array_unref (guard->pads);
}

void
jc_peer_guard_unref (gpointer guard)
{
  g_atomic_rc_box_release_full (guard, (GDestroyNotify) peer_guard_clear);
}

/* TRUE if @buffer is an RTP packet of an SSRC without a jitter buffer.
 * RTCP, which shares the port with rtcp-mux, has payload types 64-95 in
 * the RTP header's place (RFC 5761) and always passes. Under lock. */
static gboolean
must_wait (PeerGuard *guard, GstBuffer *buffer)
{
  guint8 header[12];
  guint pt;

  if (gst_buffer_extract (buffer, 0, header, sizeof header) < sizeof header || (header[0] >> 6) != 2)
    return FALSE;
  pt = header[1] & 0x7f;
  if (pt >= 64 && pt <= 95)
    return FALSE;
  return !g_hash_table_contains (guard->buffered, GUINT_TO_POINTER (GST_READ_UINT32_BE (header + 8)));
}

static gboolean
remove_waiting (GstBuffer **buffer, guint idx, gpointer user_data)
{
  PeerGuard *guard = user_data;

  if (must_wait (guard, *buffer))
    {
      guard->dropped++;
      gst_clear_buffer (buffer);
    }
  return TRUE;
}

/* Streaming thread (the transport's), under the pad's stream lock,
 * ahead of rtpbin. */
static GstPadProbeReturn
on_rtp_in (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  PeerGuard *guard = user_data;
  GstPadProbeReturn ret = GST_PAD_PROBE_OK;

  if (!g_atomic_int_get (&guard->holding))
    return GST_PAD_PROBE_OK;

  g_mutex_lock (&guard->lock);
  if (info->type & GST_PAD_PROBE_TYPE_BUFFER)
    {
      if (must_wait (guard, GST_PAD_PROBE_INFO_BUFFER (info)))
        {
          guard->dropped++;
          ret = GST_PAD_PROBE_DROP;
        }
    }
  else if (info->type & GST_PAD_PROBE_TYPE_BUFFER_LIST)
    {
      GstBufferList *list = gst_buffer_list_make_writable (GST_PAD_PROBE_INFO_BUFFER_LIST (info));

      gst_buffer_list_foreach (list, remove_waiting, guard);
      GST_PAD_PROBE_INFO_DATA (info) = list;
    }
  g_mutex_unlock (&guard->lock);
  return ret;
}

/* Streaming thread, from the chain that passed on_rtp_in (). */
static void
on_new_jitterbuffer (GstElement *rtpbin, GstElement *jitterbuffer, guint session, guint ssrc, gpointer user_data)
{
  PeerGuard *guard = user_data;

  g_mutex_lock (&guard->lock);
  g_hash_table_add (guard->buffered, GUINT_TO_POINTER (ssrc));
  g_mutex_unlock (&guard->lock);
}

/* webrtcbin's thread, when it links a transport to rtpbin. */
static void
on_rtpbin_pad_added (GstElement *rtpbin, GstPad *pad, gpointer user_data)
{
  PeerGuard *guard = user_data;
  g_autofree char *name = gst_pad_get_name (pad);

  if (!GST_PAD_IS_SINK (pad) || !g_str_has_prefix (name, "recv_rtp_sink_"))
    return;
  g_mutex_lock (&guard->lock);
  g_ptr_array_add (guard->pads, g_new0 (GWeakRef, 1));
  g_weak_ref_init (g_ptr_array_index (guard->pads, guard->pads->len - 1), pad);
  g_mutex_unlock (&guard->lock);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST, on_rtp_in,
                     peer_guard_ref (guard), jc_peer_guard_unref);
}

static void
connect_guarded (GstElement *rtpbin, const char *signal, GCallback callback, PeerGuard *guard)
{
  g_signal_connect_data (rtpbin, signal, callback, peer_guard_ref (guard),
                         (GClosureNotify) (void (*) (void)) jc_peer_guard_unref, 0);
}

/* Guards the RTP that @webrtc receives. The guard lives as long as the
 * caller's reference and rtpbin's use of it. */
PeerGuard *
jc_peer_guard_new (GstElement *webrtc)
{
  PeerGuard *guard = g_atomic_rc_box_new0 (PeerGuard);
  g_autoptr (GstElement) rtpbin = gst_bin_get_by_name (GST_BIN (webrtc), "rtpbin");

  g_mutex_init (&guard->lock);
  guard->buffered = g_hash_table_new (NULL, NULL);
  guard->pads = g_ptr_array_new_with_free_func (weak_ref_free);
  if (rtpbin == NULL)
    {
      g_warning ("webrtcbin has no element named rtpbin: streams added by a renegotiation are not guarded");
      return guard;
    }
  /* webrtcbin requests rtpbin's receiving pads later, as it sets up
   * transports. */
  connect_guarded (rtpbin, "pad-added", G_CALLBACK (on_rtpbin_pad_added), guard);
  connect_guarded (rtpbin, "new-jitterbuffer", G_CALLBACK (on_new_jitterbuffer), guard);
  return guard;
}

/* Just before a remote offer is set: from now until
 * jc_peer_guard_release (), no SSRC gets a new jitter buffer. Returns
 * once no packet that came in before is still on its way to one. */
void
jc_peer_guard_hold (PeerGuard *guard)
{
  g_autoptr (GPtrArray) pads = NULL;

  g_mutex_lock (&guard->lock);
  g_atomic_int_inc (&guard->holding);
  pads = g_ptr_array_new_full (guard->pads->len, gst_object_unref);
  for (guint i = 0; i < guard->pads->len; i++)
    {
      GstPad *pad = g_weak_ref_get (g_ptr_array_index (guard->pads, i));

      if (pad != NULL)
        g_ptr_array_add (pads, pad);
    }
  g_mutex_unlock (&guard->lock);
  /* Probes and the chain after them run under the pad's stream lock: a
   * packet that passed before holding started is through rtpbin (and
   * its jitter buffer, if it made one, is filed) once we get the lock. */
  for (guint i = 0; i < pads->len; i++)
    {
      GstPad *pad = g_ptr_array_index (pads, i);

      GST_PAD_STREAM_LOCK (pad);
      GST_PAD_STREAM_UNLOCK (pad);
    }
}

/* Once the answer is applied, or the negotiation failed: one call per
 * jc_peer_guard_hold (). */
void
jc_peer_guard_release (PeerGuard *guard)
{
  guint64 dropped = 0;

  g_return_if_fail (g_atomic_int_get (&guard->holding) > 0);
  g_mutex_lock (&guard->lock);
  if (g_atomic_int_dec_and_test (&guard->holding))
    {
      dropped = guard->dropped;
      guard->dropped = 0;
    }
  g_mutex_unlock (&guard->lock);
  if (dropped > 0)
    g_debug ("Held back %" G_GUINT64_FORMAT " RTP packets of streams that started while an offer was answered", dropped);
}
