/* jc-media-sdp.c: what an SDP says about the tracks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <gst/sdp/sdp.h>

#include "jc-error.h"
#include "jc-media-private.h"

GstSDPMessage *
jc_sdp_parse (const char *sdp)
{
  GstSDPMessage *msg = NULL;

  /* gst_sdp_message_new_from_text() is critical about an empty text and
   * takes any other text; an SDP starts with its version (RFC 4566). */
  if (sdp == NULL || !g_str_has_prefix (sdp, "v=") || gst_sdp_message_new_from_text (sdp, &msg) != GST_SDP_OK)
    {
      if (msg != NULL)
        gst_sdp_message_free (msg);
      return NULL;
    }
  return msg;
}

GstSDPMessage *
jc_sdp_parse_description (const char *sdp, GError **error)
{
  GstSDPMessage *msg = jc_sdp_parse (sdp);

  if (msg == NULL)
    {
      g_set_error_literal (error, JC_ERROR, JC_ERROR_PROTOCOL, "no valid SDP (one starts with its v= line)");
      return NULL;
    }
  if (gst_sdp_message_medias_len (msg) == 0)
    {
      gst_sdp_message_free (msg);
      g_set_error_literal (error, JC_ERROR, JC_ERROR_PROTOCOL, "an SDP with no media (m=) line");
      return NULL;
    }
  return msg;
}

void
jc_track_info_free (JcTrackInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->kind);
  g_free (info->mid);
  g_free (info->encoding);
  g_free (info);
}

/* "96 VP8/90000" → encoding "VP8", clock 90000 */
static gboolean
parse_rtpmap (const char *rtpmap, guint payload, char **encoding, guint *clock_rate)
{
  g_auto (GStrv) parts = NULL;
  g_auto (GStrv) codec = NULL;
  guint64 pt;

  parts = g_strsplit (rtpmap, " ", 2);
  if (g_strv_length (parts) != 2 || !g_ascii_string_to_unsigned (parts[0], 10, 0, 127, &pt, NULL) ||
      pt != payload)
    return FALSE;
  codec = g_strsplit (parts[1], "/", 3);
  if (g_strv_length (codec) < 2)
    return FALSE;
  *encoding = g_ascii_strup (codec[0], -1);
  *clock_rate = (guint) g_ascii_strtoull (codec[1], NULL, 10);
  return TRUE;
}

GPtrArray *
jc_sdp_parse_tracks (const char *sdp, gboolean local, GError **error)
{
  g_autoptr (GPtrArray) tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) jc_track_info_free);
  GstSDPMessage *msg = NULL;

  if ((msg = jc_sdp_parse_description (sdp, error)) == NULL)
    {
      g_prefix_error (error, "Cannot read the tracks: ");
      return NULL;
    }

  for (guint i = 0; i < gst_sdp_message_medias_len (msg); i++)
    {
      const GstSDPMedia *media = gst_sdp_message_get_media (msg, i);
      const char *kind = gst_sdp_media_get_media (media);
      JcTrackInfo *info;
      gboolean sendonly, recvonly, inactive;
      const char *fmt;

      if (g_strcmp0 (kind, "audio") != 0 && g_strcmp0 (kind, "video") != 0)
        continue;
      if (gst_sdp_media_get_port (media) == 0 || gst_sdp_media_formats_len (media) == 0)
        continue;

      info = g_new0 (JcTrackInfo, 1);
      info->kind = g_strdup (kind);
      info->mid = g_strdup (gst_sdp_media_get_attribute_val (media, "mid"));
      fmt = gst_sdp_media_get_format (media, 0);
      info->payload = (guint) g_ascii_strtoull (fmt, NULL, 10);
      for (guint j = 0;; j++)
        {
          const char *rtpmap = gst_sdp_media_get_attribute_val_n (media, "rtpmap", j);

          if (rtpmap == NULL)
            break;
          if (parse_rtpmap (rtpmap, info->payload, &info->encoding, &info->clock_rate))
            break;
        }
      if (info->encoding == NULL)
        {
          /* Static payload types need no rtpmap. */
          if (info->payload == 0)
            info->encoding = g_strdup ("PCMU");
          else if (info->payload == 8)
            info->encoding = g_strdup ("PCMA");
          else
            info->encoding = g_strdup ("UNKNOWN");
          info->clock_rate = 8000;
        }

      sendonly = gst_sdp_media_get_attribute_val (media, "sendonly") != NULL;
      recvonly = gst_sdp_media_get_attribute_val (media, "recvonly") != NULL;
      inactive = gst_sdp_media_get_attribute_val (media, "inactive") != NULL;
      /* Directions are the SDP author's: flip for the remote side's. */
      if (local)
        {
          info->sends = !inactive && !recvonly;
          info->receives = !inactive && !sendonly;
        }
      else
        {
          info->sends = !inactive && !sendonly;
          info->receives = !inactive && !recvonly;
        }
      g_ptr_array_add (tracks, info);
    }
  gst_sdp_message_free (msg);
  return g_steal_pointer (&tracks);
}

static gboolean
has_extmap (const GstSDPMedia *media, guint id)
{
  g_autofree char *prefix = g_strdup_printf ("%u ", id);

  for (guint i = 0; i < gst_sdp_media_attributes_len (media); i++)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, i);

      if (g_strcmp0 (attr->key, "extmap") == 0 && attr->value != NULL && g_str_has_prefix (attr->value, prefix))
        return TRUE;
    }
  return FALSE;
}

char *
jc_sdp_add_simulcast (const char *sdp, char **out_mid, GError **error)
{
  GstSDPMessage *msg = NULL;
  GstSDPMedia *video = NULL;
  g_autoptr (GString) rids = g_string_new ("send ");
  char *text;

  if ((msg = jc_sdp_parse (sdp)) == NULL)
    {
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "The offer's SDP cannot be parsed");
      return NULL;
    }
  for (guint i = 0; i < gst_sdp_message_medias_len (msg) && video == NULL; i++)
    {
      GstSDPMedia *media = (GstSDPMedia *) gst_sdp_message_get_media (msg, i);

      if (g_strcmp0 (gst_sdp_media_get_media (media), "video") == 0 && gst_sdp_media_get_port (media) != 0)
        video = media;
    }
  if (video == NULL || gst_sdp_media_get_attribute_val (video, "mid") == NULL)
    {
      gst_sdp_message_free (msg);
      g_set_error (error, JC_ERROR, JC_ERROR_MEDIA, "Simulcast needs a video track with a mid in the offer");
      return NULL;
    }

  /* The layers' SSRCs are learnt from their rid: an a=ssrc line would make
   * Janus take one of them for the lowest layer. */
  for (guint i = gst_sdp_media_attributes_len (video); i > 0; i--)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (video, i - 1);

      if (g_strcmp0 (attr->key, "ssrc") == 0 || g_strcmp0 (attr->key, "ssrc-group") == 0)
        gst_sdp_media_remove_attribute (video, i - 1);
    }
  if (!has_extmap (video, JC_EXTMAP_MID))
    gst_sdp_media_add_attribute (video, "extmap", G_STRINGIFY (JC_EXTMAP_MID) " " JC_EXTMAP_MID_URI);
  if (!has_extmap (video, JC_EXTMAP_RID))
    gst_sdp_media_add_attribute (video, "extmap", G_STRINGIFY (JC_EXTMAP_RID) " " JC_EXTMAP_RID_URI);
  for (guint i = 0; i < JC_SIMULCAST_LAYERS; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s send", jc_encode_simulcast_rid (i));

      gst_sdp_media_add_attribute (video, "rid", line);
      g_string_append_printf (rids, "%s%s", i > 0 ? ";" : "", jc_encode_simulcast_rid (i));
    }
  gst_sdp_media_add_attribute (video, "simulcast", rids->str);

  if (out_mid != NULL)
    *out_mid = g_strdup (gst_sdp_media_get_attribute_val (video, "mid"));
  text = gst_sdp_message_as_text (msg);
  gst_sdp_message_free (msg);
  return text;
}
