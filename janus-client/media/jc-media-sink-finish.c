/* jc-media-sink-finish.c: finishing JcMediaSink's recordings (EOS into
 * each branch, then the files' index and duration written) and the
 * tracks a renegotiation drops
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "jc-error.h"
#include "jc-media-private.h"
#include "jc-media-sink-private.h"

/* Finishing a recording */

typedef struct
{
  gint refs;
  GMainContext *context;
  GSourceFunc done;
  gpointer user_data;
  GDestroyNotify notify;
  gint fired;     /* atomic: done runs once */
  gint remaining; /* atomic: files still to finalise */
  GSource *timeout;
} FinishData;

static void
finish_data_unref (gpointer data)
{
  FinishData *fd = data;

  if (!g_atomic_int_dec_and_test (&fd->refs))
    return;
  if (fd->timeout != NULL)
    {
      g_source_destroy (fd->timeout);
      g_source_unref (fd->timeout);
    }
  if (fd->notify != NULL)
    fd->notify (fd->user_data);
  g_main_context_unref (fd->context);
  g_free (fd);
}

static gboolean
finish_fire (gpointer data)
{
  FinishData *fd = data;

  if (g_atomic_int_compare_and_exchange (&fd->fired, 0, 1))
    fd->done (fd->user_data);
  return G_SOURCE_REMOVE;
}

static void
finish_fire_in_context (FinishData *fd)
{
  GSource *source = g_idle_source_new ();

  g_atomic_int_inc (&fd->refs);
  g_source_set_static_name (source, "[janus-client] recording finished");
  g_source_set_callback (source, finish_fire, fd, finish_data_unref);
  g_source_attach (source, fd->context);
  g_source_unref (source);
}

static GstPadProbeReturn
on_filesink_event (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  FinishData *fd = user_data;

  if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) != GST_EVENT_EOS)
    return GST_PAD_PROBE_OK;
  if (g_atomic_int_dec_and_test (&fd->remaining))
    finish_fire_in_context (fd);
  return GST_PAD_PROBE_REMOVE;
}

static GstPadProbeReturn
drop_everything (GstPad *pad, GstPadProbeInfo *info, gpointer user_data)
{
  return GST_PAD_PROBE_DROP;
}

static void
watch_file_eos (FinishData *fd, GstElement *filesink)
{
  g_autoptr (GstPad) pad = gst_element_get_static_pad (filesink, "sink");

  g_atomic_int_inc (&fd->remaining);
  g_atomic_int_inc (&fd->refs);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_filesink_event, fd, finish_data_unref);
}

/* Stops feeding one branch and ends it (its file, in directory sinks, is
 * finalised). Lock held. */
static void
finish_track (SinkTrack *track)
{
  if (track->finished)
    return;
  track->finished = TRUE;
  if (track->source_pad != NULL)
    {
      track->drop_probe = gst_pad_add_probe (track->source_pad, GST_PAD_PROBE_TYPE_DATA_DOWNSTREAM, drop_everything,
                                             NULL, NULL);
      gst_pad_send_event (track->branch_sink, gst_event_new_eos ());
    }
  else if (track->mux_pad != NULL)
    {
      gst_pad_send_event (track->mux_pad, gst_event_new_eos ());
    }
}

void
jc_media_sink_finish (JcMediaSink *self,
                      GMainContext *context,
                      guint timeout_ms,
                      GSourceFunc done,
                      gpointer user_data,
                      GDestroyNotify notify)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  FinishData *fd = g_new0 (FinishData, 1);

  fd->refs = 1;
  fd->context = g_main_context_ref (context);
  fd->done = done;
  fd->user_data = user_data;
  fd->notify = notify;
  self->finishing = TRUE;

  if (self->kind == JC_MEDIA_SINK_DIRECTORY)
    {
      for (guint i = 0; i < self->tracks->len; i++)
        {
          SinkTrack *track = g_ptr_array_index (self->tracks, i);

          if (track->filesink != NULL && !track->finished)
            watch_file_eos (fd, track->filesink);
        }
    }
  else if (self->kind == JC_MEDIA_SINK_FILE && self->mux != NULL)
    {
      watch_file_eos (fd, self->filesink);
    }
  if (g_atomic_int_get (&fd->remaining) == 0)
    {
      finish_fire_in_context (fd);
      finish_data_unref (fd);
      return;
    }

  fd->timeout = g_timeout_source_new (timeout_ms);
  g_source_set_static_name (fd->timeout, "[janus-client] recording finish timeout");
  g_source_set_callback (fd->timeout, finish_fire, fd, NULL);
  g_source_attach (fd->timeout, context);

  /* Stop feeding, then end every branch: a muxer writes its index once all
   * its pads saw EOS. */
  for (guint i = 0; i < self->tracks->len; i++)
    finish_track (g_ptr_array_index (self->tracks, i));
  finish_data_unref (fd);
}

void
jc_media_sink_unlink_pad (JcMediaSink *self, GstPad *pad)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  for (guint i = 0; i < self->tracks->len; i++)
    {
      SinkTrack *track = g_ptr_array_index (self->tracks, i);

      if (track->source_pad == pad && !track->finished)
        {
          g_debug ("Track %s left: finalising %s", track->mid != NULL ? track->mid : "?",
                   track->file != NULL ? track->file : "its branch");
          finish_track (track);
        }
    }
}
