/* test-sdp.c: what the media layer reads from and writes into SDPs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "jc-error.h"
#include "jc-media-private.h"

/* An offer as webrtcbin 1.22 writes it for Opus + VP8 with BUNDLE. */
static const char offer[] = "v=0\r\n"
                            "o=- 123 0 IN IP4 0.0.0.0\r\n"
                            "s=-\r\n"
                            "t=0 0\r\n"
                            "a=group:BUNDLE video0 audio1\r\n"
                            "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                            "c=IN IP4 0.0.0.0\r\n"
                            "a=sendrecv\r\n"
                            "a=rtpmap:96 VP8/90000\r\n"
                            "a=rtcp-fb:96 nack pli\r\n"
                            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                            "a=ssrc:1111 msid:user@host webrtctransceiver0\r\n"
                            "a=ssrc:1111 cname:user@host\r\n"
                            "a=ssrc-group:FID 1111 2222\r\n"
                            "a=mid:video0\r\n"
                            "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
                            "c=IN IP4 0.0.0.0\r\n"
                            "a=sendrecv\r\n"
                            "a=rtpmap:111 OPUS/48000/2\r\n"
                            "a=ssrc:3333 cname:user@host\r\n"
                            "a=mid:audio1\r\n";

static guint
count_lines (const char *sdp, const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (sdp, "\r\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

/* The m-section of @sdp that starts with @mline, up to the next m=. */
static char *
section (const char *sdp, const char *mline)
{
  const char *start = strstr (sdp, mline);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start + 1, "\r\nm=");
  return end != NULL ? g_strndup (start, end - start + 2) : g_strdup (start);
}

static void
test_simulcast_offer (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mid = NULL;
  g_autofree char *sdp = jc_sdp_add_simulcast (offer, &mid, &error);
  g_autofree char *video = NULL;
  g_autofree char *audio = NULL;
  const char *h, *m, *l;

  g_assert_no_error (error);
  g_assert_nonnull (sdp);
  g_assert_cmpstr (mid, ==, "video0");
  video = section (sdp, "m=video");
  audio = section (sdp, "m=audio");

  /* The layers are told apart by rid, best first, as Janus expects. */
  h = strstr (video, "a=rid:h send\r\n");
  m = strstr (video, "a=rid:m send\r\n");
  l = strstr (video, "a=rid:l send\r\n");
  g_assert_nonnull (h);
  g_assert_nonnull (m);
  g_assert_nonnull (l);
  g_assert_true (h < m && m < l);
  g_assert_nonnull (strstr (video, "a=simulcast:send h;m;l\r\n"));
  g_assert_cmpuint (count_lines (video, "a=rid:"), ==, 3);

  /* No SSRC of the video m-line is announced; audio keeps its own. */
  g_assert_cmpuint (count_lines (video, "a=ssrc"), ==, 0);
  g_assert_cmpuint (count_lines (audio, "a=ssrc:3333"), ==, 1);
  g_assert_cmpuint (count_lines (audio, "a=rid"), ==, 0);

  /* The mid extension was there already: not twice; rid's is added. */
  g_assert_cmpuint (count_lines (video, "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:mid"), ==, 1);
  g_assert_cmpuint (count_lines (video, "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"), ==, 1);
  g_assert_cmpuint (count_lines (sdp, "a=extmap:"), ==, 2);

  /* The rest is untouched. */
  g_assert_cmpuint (count_lines (video, "a=rtpmap:96 VP8/90000"), ==, 1);
  g_assert_cmpuint (count_lines (sdp, "a=group:BUNDLE video0 audio1"), ==, 1);
  g_assert_cmpuint (count_lines (sdp, "m="), ==, 2);
}

static void
test_simulcast_refused (void)
{
  static const char *const bad[] = {
    "",
    "not an sdp at all",
    /* audio only */
    "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n",
    /* video without a mid */
    "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n",
    /* video rejected (port 0) */
    "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *mid = NULL;
      g_autofree char *sdp = jc_sdp_add_simulcast (bad[i], &mid, &error);

      g_assert_null (sdp);
      g_assert_null (mid);
      g_assert_error (error, JC_ERROR, JC_ERROR_MEDIA);
      g_assert_true (strlen (error->message) > 10);
    }
}

static void
test_tracks (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tracks = jc_sdp_parse_tracks (offer, TRUE, &error);
  JcTrackInfo *video, *audio;

  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 2);
  video = g_ptr_array_index (tracks, 0);
  audio = g_ptr_array_index (tracks, 1);
  g_assert_cmpstr (video->kind, ==, "video");
  g_assert_cmpstr (video->mid, ==, "video0");
  g_assert_cmpstr (video->encoding, ==, "VP8");
  g_assert_cmpuint (video->clock_rate, ==, 90000);
  g_assert_cmpstr (audio->encoding, ==, "OPUS");
  g_assert_cmpuint (audio->clock_rate, ==, 48000);
  g_assert_true (audio->sends && audio->receives);
}

static void
test_tracks_hostile (void)
{
  static const char *const bad[] = {
    "",
    "garbage",
    "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      GPtrArray *tracks = jc_sdp_parse_tracks (bad[i], FALSE, &error);

      g_assert_null (tracks);
      g_assert_error (error, JC_ERROR, JC_ERROR_PROTOCOL);
    }

  /* An unknown dynamic payload with no rtpmap and a junk rtpmap. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) tracks = jc_sdp_parse_tracks ("v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                                                        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 \r\n"
                                                        "a=rtpmap:junk\r\na=recvonly\r\n",
                                                        FALSE, &error);
    JcTrackInfo *track;

    g_assert_no_error (error);
    g_assert_cmpuint (tracks->len, ==, 1);
    track = g_ptr_array_index (tracks, 0);
    g_assert_cmpstr (track->encoding, ==, "UNKNOWN");
    g_assert_null (track->mid);
    /* Their recvonly: we only send. */
    g_assert_true (track->sends);
    g_assert_false (track->receives);
  }
}

/* GStreamer's parser takes any text; jc_sdp_parse () wants an SDP, which
 * starts with its version line. */
static void
test_parse_garbage (void)
{
  static const char *const bad[] = { NULL, "", "garbage", "hello\r\nv=0\r\n", "x=1", "\x01\x02" };
  GstSDPMessage *msg;

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (jc_sdp_parse (bad[i]));
  msg = jc_sdp_parse ("v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
  g_assert_nonnull (msg);
  gst_sdp_message_free (msg);
}

int
main (int argc, char **argv)
{
  /* No gst_init (): the SDP library needs none, and GStreamer's thousands
   * of quarks make GLib drop its first quark block (a leak LSan reports). */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sdp/simulcast/offer", test_simulcast_offer);
  g_test_add_func ("/sdp/simulcast/refused", test_simulcast_refused);
  g_test_add_func ("/sdp/tracks", test_tracks);
  g_test_add_func ("/sdp/tracks/hostile", test_tracks_hostile);
  g_test_add_func ("/sdp/parse/garbage", test_parse_garbage);
  return g_test_run ();
}
