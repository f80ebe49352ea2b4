/* jc-cli-media.h: media options, progress and summaries shared by the
 * CLI's media commands
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "jc-cli.h"

G_BEGIN_DECLS

typedef struct
{
  char *input;       /* (owned) --input, default "test" */
  char *output;      /* (owned) (nullable) --output */
  int duration_s;    /* --duration, default 10; 0: until Ctrl-C */
  char *video_codec; /* (owned) (nullable) */
  char *audio_codec; /* (owned) (nullable) */
  gboolean no_audio;
  gboolean no_video;
  gboolean loop;      /* --loop: files start again at the end */
  gboolean simulcast; /* --simulcast: three video layers */
  int bitrate;        /* --bitrate, bits per second; 0: default */
} JcCliMediaOptions;

void jc_cli_media_options_init (JcCliMediaOptions *media);
void jc_cli_media_options_clear (JcCliMediaOptions *media);
/* The GOptionEntry array for @media (static storage, rebuilt per call). */
const GOptionEntry *jc_cli_media_entries (JcCliMediaOptions *media);

/* Source and sink from the options; a bad value is a usage error
 * (JC_ERROR_INVALID_ARGUMENT), a missing file a media error. */
JcMediaSource *jc_cli_media_source (JcCliMediaOptions *media, GError **error);
JcMediaSink *jc_cli_media_sink (JcCliMediaOptions *media, GError **error);

/* A peer for @handle, limited to the private Janus's veth address when
 * there is one. */
JcPeer *jc_cli_media_peer (JcCliOptions *opts, JcHandle *handle);

/* Runs until @duration_s passed (0: until Ctrl-C) or @peer failed,
 * printing a progress line on stderr. Returns FALSE when interrupted. */
gboolean jc_cli_media_run (JcCliOptions *opts, JcPeer *peer, int duration_s, double *out_elapsed_s);
/* The same, also ending (within a second) once *@stop is TRUE. */
gboolean jc_cli_media_run_until (JcCliOptions *opts, JcPeer *peer, int duration_s, const gboolean *stop, double *out_elapsed_s);

/* The summary object of CLI.md and whether media flowed both ways. */
JsonObject *jc_cli_media_summary (JcPeer *peer, double elapsed_s, const char *output, gboolean *out_media_ok);
void jc_cli_media_print_summary (JcCliOptions *opts, JsonObject *summary);

/* @own's entries then @media's, in a new array (free it with g_free). */
GOptionEntry *jc_cli_media_join_entries (const GOptionEntry *own, const GOptionEntry *media);
/* FALSE with a JC_ERROR_MEDIA error when the private Janus cannot carry
 * media (it runs on loopback: no namespace without root). */
gboolean jc_cli_media_available (JcCliOptions *opts, GError **error);

G_END_DECLS
